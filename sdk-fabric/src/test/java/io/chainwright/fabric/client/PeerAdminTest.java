package io.chainwright.fabric.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.PlatformException;
import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import io.grpc.stub.StreamObserver;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.Signature;
import java.security.spec.ECParameterSpec;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChannelInfo;
import org.hyperledger.fabric.protos.peer.ChannelQueryResponse;
import org.hyperledger.fabric.protos.peer.EndorserGrpc;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalResponse;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.protos.peer.lifecycle.InstallChaincodeArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.InstallChaincodeResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryInstalledChaincodesResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The peer admin client against a local TLS gRPC endorser that checks each proposal the way a peer
 * does: a valid low-S signature by the creator, and a transaction id derived from nonce and creator.
 */
class PeerAdminTest {
  private static TestPki.Issued tlsCa;
  private static TestPki.Issued peerTls;
  private static FabricIdentity admin;

  private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private Server server;
  private PeerAdmin peer;

  record Invocation(String channel, String chaincode, List<ByteString> args) {
    String function() {
      return args.getFirst().toStringUtf8();
    }
  }

  @BeforeAll
  static void pki() throws Exception {
    tlsCa = TestPki.ca("tlsca.org1.example.com");
    peerTls = TestPki.leaf(tlsCa, "peer0.org1.example.com", List.of("peer0.org1.example.com"), List.of("127.0.0.1"));
    TestPki.Issued ca = TestPki.ca("ca.org1.example.com");
    TestPki.Issued adminCert = TestPki.leaf(ca, "Admin@org1.example.com", List.of(), List.of());
    admin = new FabricIdentity("Org1MSP", adminCert.certificate(), adminCert.key());
  }

  @BeforeEach
  void start() throws Exception {
    server = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder.forAddress(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            TlsServerCredentials.newBuilder().keyManager(TestServers.keyManagers(peerTls).getKeyManagers()).build())
        .addService(new FakeEndorser())
        .build()
        .start();
    peer = PeerAdmin.connect(new Endpoint("127.0.0.1", server.getPort()), ClientTls.trusting(tlsCa.certificate()), admin,
        Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    release.countDown();
    peer.close();
    server.shutdownNow();
  }

  @Test
  void joinSendsTheGenesisBlockToCsccJoinChain() {
    byte[] block = OrdererAdminTest.configBlock("mychannel");

    peer.joinChannel(block);

    Invocation join = invocations.getFirst();
    assertThat(join.chaincode()).isEqualTo("cscc");
    assertThat(join.channel()).isEmpty();
    assertThat(join.function()).isEqualTo("JoinChain");
    assertThat(join.args().get(1).toByteArray()).isEqualTo(block);
  }

  @Test
  void listsChannelsFromCsccGetChannels() {
    assertThat(peer.channels()).containsExactly("mychannel", "other");
    assertThat(invocations.getFirst().function()).isEqualTo("GetChannels");
  }

  @Test
  void installsThroughLifecycleAndListsInstalledPackages() throws Exception {
    byte[] pkg = {1, 2, 3};

    assertThat(peer.install(pkg)).isEqualTo(new InstalledChaincode("basic:abc", "basic"));
    assertThat(peer.installed()).containsExactly(new InstalledChaincode("basic:abc", "basic"));

    Invocation install = invocations.getFirst();
    assertThat(install.chaincode()).isEqualTo("_lifecycle");
    assertThat(install.function()).isEqualTo("InstallChaincode");
    assertThat(InstallChaincodeArgs.parseFrom(install.args().get(1)).getChaincodeInstallPackage().toByteArray()).isEqualTo(pkg);
    assertThat(invocations.get(1).function()).isEqualTo("QueryInstalledChaincodes");
  }

  @Test
  void refusalNamesThePeerTheOperationAndThePeersMessage() {
    assertThatThrownBy(() -> peer.joinChannel(OrdererAdminTest.configBlock("refused")))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("join channel refused on peer 127.0.0.1:")
        .hasMessageContaining("status 500 access denied");
  }

  @Test
  void silentPeerTimesOutNamingWhatWasAwaited() {
    try (PeerAdmin impatient = PeerAdmin.connect(peer.endpoint(), ClientTls.trusting(tlsCa.certificate()), admin,
        Duration.ofMillis(300))) {
      assertThatThrownBy(() -> impatient.joinChannel(OrdererAdminTest.configBlock("slow")))
          .isInstanceOf(AwaitTimeoutException.class)
          .hasMessageContaining("an answer from peer 127.0.0.1:")
          .hasMessageContaining("join channel slow");
    }
  }

  @Test
  void peerCertificateFromAnotherCaIsRefused() throws Exception {
    try (PeerAdmin wrongTrust = PeerAdmin.connect(peer.endpoint(),
        ClientTls.trusting(TestPki.ca("someone else").certificate()), admin, Duration.ofSeconds(10))) {
      assertThatThrownBy(wrongTrust::channels).isInstanceOf(PlatformException.class)
          .hasMessageContaining("list channels on peer 127.0.0.1:");
    }
    assertThat(invocations).isEmpty();
  }

  /** An endorser that verifies proposals, records them, and answers like cscc and _lifecycle. */
  private final class FakeEndorser extends EndorserGrpc.EndorserImplBase {
    @Override
    public void processProposal(SignedProposal signed, StreamObserver<ProposalResponse> answer) {
      try {
        Proposal proposal = Proposal.parseFrom(signed.getProposalBytes());
        Header header = Header.parseFrom(proposal.getHeader());
        ChannelHeader channelHeader = ChannelHeader.parseFrom(header.getChannelHeader());
        SignatureHeader signatureHeader = SignatureHeader.parseFrom(header.getSignatureHeader());
        verify(signed, signatureHeader, channelHeader);
        ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.parseFrom(
            ChaincodeProposalPayload.parseFrom(proposal.getPayload()).getInput());
        String chaincode = spec.getChaincodeSpec().getChaincodeId().getName();
        assertThat(ChaincodeHeaderExtension.parseFrom(channelHeader.getExtension()).getChaincodeId().getName())
            .isEqualTo(chaincode);
        Invocation invocation = new Invocation(channelHeader.getChannelId(), chaincode, spec.getChaincodeSpec().getInput().getArgsList());
        invocations.add(invocation);
        answer.onNext(respond(invocation));
        answer.onCompleted();
      } catch (Exception | AssertionError e) {
        answer.onError(io.grpc.Status.INVALID_ARGUMENT.withDescription(String.valueOf(e.getMessage())).asRuntimeException());
      }
    }

    private ProposalResponse respond(Invocation invocation) throws InterruptedException {
      String block = invocation.args().size() > 1 ? ConfigBlocks.channelId(invocation.args().get(1).toByteArray()).orElse("") : "";
      if (block.equals("slow")) {
        release.await();
      }
      if (block.equals("refused")) {
        return ProposalResponse.newBuilder().setResponse(Response.newBuilder().setStatus(500).setMessage("access denied")).build();
      }
      ByteString payload = switch (invocation.function()) {
        case "GetChannels" -> ChannelQueryResponse.newBuilder()
            .addChannels(ChannelInfo.newBuilder().setChannelId("mychannel"))
            .addChannels(ChannelInfo.newBuilder().setChannelId("other")).build().toByteString();
        case "InstallChaincode" -> InstallChaincodeResult.newBuilder().setPackageId("basic:abc").setLabel("basic").build().toByteString();
        case "QueryInstalledChaincodes" -> QueryInstalledChaincodesResult.newBuilder()
            .addInstalledChaincodes(QueryInstalledChaincodesResult.InstalledChaincode.newBuilder().setPackageId("basic:abc").setLabel("basic"))
            .build().toByteString();
        default -> ByteString.EMPTY;
      };
      return ProposalResponse.newBuilder().setResponse(Response.newBuilder().setStatus(200).setPayload(payload)).build();
    }

    private void verify(SignedProposal signed, SignatureHeader signatureHeader, ChannelHeader channelHeader) throws Exception {
      SerializedIdentity creator = SerializedIdentity.parseFrom(signatureHeader.getCreator());
      assertThat(creator.getMspid()).isEqualTo("Org1MSP");
      assertThat(org.hyperledger.fabric.client.identity.Identities.readX509Certificate(creator.getIdBytes().toStringUtf8()))
          .isEqualTo(admin.certificate());
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initVerify(admin.certificate().getPublicKey());
      ecdsa.update(signed.getProposalBytes().toByteArray());
      assertThat(ecdsa.verify(signed.getSignature().toByteArray())).as("signature verifies").isTrue();
      BigInteger s = ((ASN1Integer) ASN1Sequence.getInstance(signed.getSignature().toByteArray()).getObjectAt(1)).getValue();
      ECParameterSpec curve = ((ECPublicKey) admin.certificate().getPublicKey()).getParams();
      assertThat(s).as("low-S signature").isLessThanOrEqualTo(curve.getOrder().shiftRight(1));
      // Recomputed as a peer does: the hex SHA-256 of nonce then creator.
      java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
      sha256.update(signatureHeader.getNonce().toByteArray());
      sha256.update(signatureHeader.getCreator().toByteArray());
      assertThat(channelHeader.getTxId()).isEqualTo(java.util.HexFormat.of().formatHex(sha256.digest()));
    }
  }
}
