package io.chainwright.fabric.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.chainwright.api.Digests;
import io.chainwright.api.PlatformException;
import io.grpc.ManagedChannel;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.peer.ChannelInfo;
import org.hyperledger.fabric.protos.peer.ChannelQueryResponse;
import org.hyperledger.fabric.protos.peer.EndorserGrpc;
import org.hyperledger.fabric.protos.peer.ProposalResponse;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.protos.peer.lifecycle.InstallChaincodeArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.InstallChaincodeResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryInstalledChaincodesArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryInstalledChaincodesResult;

/**
 * A peer's admin calls, as signed proposals to its endorser: join a channel, list channels, install
 * a chaincode package, list installed packages. The identity must be an admin of the peer's org.
 *
 * <pre>{@code
 * try (PeerAdmin peer = PeerAdmin.connect(peerEndpoint, ClientTls.trusting(tlsCa), orgAdmin, Duration.ofSeconds(30))) {
 *   peer.joinChannel(genesisBlock);
 *   InstalledChaincode installed = peer.install(ChaincodePackage.builder()...build().bytes());
 * }
 * }</pre>
 */
public final class PeerAdmin implements AutoCloseable {
  private static final String CSCC = "cscc";
  private static final String LIFECYCLE = "_lifecycle";
  private static final int ERROR_STATUS = 400;

  private final Endpoint endpoint;
  private final FabricIdentity identity;
  private final Duration timeout;
  private final ManagedChannel channel;
  private final String node;

  private PeerAdmin(String node, Endpoint endpoint, FabricIdentity identity, Duration timeout, ManagedChannel channel) {
    this.endpoint = endpoint;
    this.identity = identity;
    this.timeout = timeout;
    this.channel = channel;
    this.node = node;
  }

  /** A client for the peer at {@code endpoint}, signing as {@code admin}; every call gives up after {@code timeout}. */
  public static PeerAdmin connect(Endpoint endpoint, ClientTls tls, FabricIdentity admin, Duration timeout) {
    return open(NodeNames.of("peer", null, endpoint), endpoint, tls, admin, timeout);
  }

  /** As {@link #connect(Endpoint, ClientTls, FabricIdentity, Duration)}, naming the peer in errors, e.g. {@code peer0 of org1}. */
  public static PeerAdmin connect(String name, Endpoint endpoint, ClientTls tls, FabricIdentity admin, Duration timeout) {
    return open(NodeNames.of("peer", name, endpoint), endpoint, tls, admin, timeout);
  }

  private static PeerAdmin open(String node, Endpoint endpoint, ClientTls tls, FabricIdentity admin, Duration timeout) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(timeout, "timeout");
    return new PeerAdmin(node, endpoint, admin, timeout, GrpcChannels.open(node, endpoint, tls));
  }

  /** Joins the channel whose genesis block is {@code genesisBlock} (cscc {@code JoinChain}). */
  public void joinChannel(byte[] genesisBlock) {
    String operation = "join channel " + ConfigBlocks.channelId(genesisBlock).orElse("(unnamed genesis block)") + " on";
    invoke(operation, CSCC, ByteString.copyFromUtf8("JoinChain"), ByteString.copyFrom(genesisBlock));
  }

  /** The channels this peer has joined (cscc {@code GetChannels}). */
  public List<String> channels() {
    String operation = "list channels on";
    ByteString payload = invoke(operation, CSCC, ByteString.copyFromUtf8("GetChannels"));
    List<String> names = new ArrayList<>();
    for (ChannelInfo info : parse(operation, () -> ChannelQueryResponse.parseFrom(payload)).getChannelsList()) {
      names.add(info.getChannelId());
    }
    return List.copyOf(names);
  }

  /**
   * Installs a chaincode package ({@code _lifecycle InstallChaincode}). Installing a package the peer
   * already has returns the installed one rather than failing.
   */
  public InstalledChaincode install(byte[] chaincodePackage) {
    String operation = "install a chaincode package on";
    ByteString args = InstallChaincodeArgs.newBuilder().setChaincodeInstallPackage(ByteString.copyFrom(chaincodePackage))
        .build().toByteString();
    try {
      ByteString payload = invoke(operation, LIFECYCLE, ByteString.copyFromUtf8("InstallChaincode"), args);
      InstallChaincodeResult result = parse(operation, () -> InstallChaincodeResult.parseFrom(payload));
      return new InstalledChaincode(result.getPackageId(), result.getLabel());
    } catch (PlatformException e) {
      if (e.getMessage().contains("already successfully installed")) {
        String hash = Digests.sha256Hex(chaincodePackage);
        for (InstalledChaincode installed : installed()) {
          if (installed.packageId().endsWith(":" + hash)) {
            return installed;
          }
        }
      }
      throw e;
    }
  }

  /** The chaincode packages installed on this peer ({@code _lifecycle QueryInstalledChaincodes}). */
  public List<InstalledChaincode> installed() {
    String operation = "list installed chaincodes on";
    ByteString payload = invoke(operation, LIFECYCLE, ByteString.copyFromUtf8("QueryInstalledChaincodes"),
        QueryInstalledChaincodesArgs.getDefaultInstance().toByteString());
    List<InstalledChaincode> installed = new ArrayList<>();
    for (QueryInstalledChaincodesResult.InstalledChaincode chaincode
        : parse(operation, () -> QueryInstalledChaincodesResult.parseFrom(payload)).getInstalledChaincodesList()) {
      installed.add(new InstalledChaincode(chaincode.getPackageId(), chaincode.getLabel()));
    }
    return List.copyOf(installed);
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    GrpcChannels.close(channel, Duration.ofSeconds(5));
  }

  /** Sends a proposal to the peer itself (no channel) and returns the chaincode's payload. */
  private ByteString invoke(String operation, String chaincode, ByteString... args) {
    ProposalResponse response;
    try {
      SignedProposal proposal = Proposals.signed(identity, "", chaincode, List.of(args));
      response = EndorserGrpc.newBlockingStub(channel)
          .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .processProposal(proposal);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw Failures.of(operation, node, timeout, e);
    }
    if (response.getResponse().getStatus() >= ERROR_STATUS) {
      throw new PlatformException(operation, node,
          "status " + response.getResponse().getStatus() + " " + response.getResponse().getMessage());
    }
    return response.getResponse().getPayload();
  }

  private interface Parser<T> {
    T parse() throws InvalidProtocolBufferException;
  }

  private <T> T parse(String operation, Parser<T> parser) {
    try {
      return parser.parse();
    } catch (InvalidProtocolBufferException e) {
      throw new PlatformException(operation, node, "unreadable answer: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "PeerAdmin[" + endpoint + ", " + identity.mspId() + "]";
  }
}
