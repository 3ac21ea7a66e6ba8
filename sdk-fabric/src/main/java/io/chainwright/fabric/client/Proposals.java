package io.chainwright.fabric.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/** Builds signed endorsement proposals for system chaincodes ({@code cscc}, {@code _lifecycle}) on a peer. */
final class Proposals {

  private Proposals() {}

  /**
   * A proposal invoking {@code chaincode} with {@code args}, signed by {@code identity}. An empty
   * {@code channel} addresses the peer itself rather than a channel.
   */
  static SignedProposal signed(FabricIdentity identity, String channel, String chaincode, List<ByteString> args)
      throws GeneralSecurityException {
    SignatureHeader signatureHeader = identity.newSignatureHeader();
    Instant now = Instant.now();
    ChannelHeader channelHeader = ChannelHeader.newBuilder()
        .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
        .setChannelId(channel)
        .setTxId(transactionId(signatureHeader))
        .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
        .setExtension(ChaincodeHeaderExtension.newBuilder()
            .setChaincodeId(ChaincodeID.newBuilder().setName(chaincode)).build().toByteString())
        .build();
    Header header = Header.newBuilder()
        .setChannelHeader(channelHeader.toByteString())
        .setSignatureHeader(signatureHeader.toByteString())
        .build();
    ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.newBuilder()
        .setChaincodeSpec(ChaincodeSpec.newBuilder()
            .setType(ChaincodeSpec.Type.GOLANG)
            .setChaincodeId(ChaincodeID.newBuilder().setName(chaincode))
            .setInput(ChaincodeInput.newBuilder().addAllArgs(args)))
        .build();
    Proposal proposal = Proposal.newBuilder()
        .setHeader(header.toByteString())
        .setPayload(ChaincodeProposalPayload.newBuilder().setInput(invocation.toByteString()).build().toByteString())
        .build();
    byte[] proposalBytes = proposal.toByteArray();
    return SignedProposal.newBuilder()
        .setProposalBytes(ByteString.copyFrom(proposalBytes))
        .setSignature(ByteString.copyFrom(identity.signer().sign(Hash.sha256(proposalBytes))))
        .build();
  }

  /** Fabric's transaction id: the hex SHA-256 of the header's nonce and creator, which the peer recomputes and checks. */
  static String transactionId(SignatureHeader header) {
    return HexFormat.of().formatHex(Hash.sha256(header.getNonce().concat(header.getCreator()).toByteArray()));
  }
}
