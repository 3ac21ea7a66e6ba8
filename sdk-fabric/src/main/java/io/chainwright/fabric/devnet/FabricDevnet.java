package io.chainwright.fabric.devnet;

import io.chainwright.api.PlatformException;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Backoff;
import io.chainwright.api.await.Observation;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Backend;
import io.chainwright.api.backend.Deployment;
import io.chainwright.api.backend.Teardown;
import io.chainwright.fabric.Chaincode;
import io.chainwright.fabric.Channel;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Orderer;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.chaincode.CcaasBuilder;
import io.chainwright.fabric.chaincode.ChaincodePackage;
import io.chainwright.fabric.channel.ChannelGenesis;
import io.chainwright.fabric.channel.NodeAddresses;
import io.chainwright.fabric.client.ChaincodeDefinition;
import io.chainwright.fabric.client.ClientTls;
import io.chainwright.fabric.client.Endpoint;
import io.chainwright.fabric.client.FabricGateway;
import io.chainwright.fabric.client.FabricIdentity;
import io.chainwright.fabric.client.OrdererAdmin;
import io.chainwright.fabric.client.PeerAdmin;
import io.chainwright.fabric.compile.FabricPorts;
import io.chainwright.fabric.compile.FabricTarget;
import io.chainwright.fabric.compile.FabricWorkloads;
import io.chainwright.fabric.crypto.Identity;
import io.chainwright.fabric.crypto.MemberCrypto;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.fabric.crypto.OrgCrypto;
import io.chainwright.fabric.policy.PolicyDsl;
import io.grpc.Status;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Fabric network whose peers and orderers are bare binaries on host processes, with
 * crypto material and channel genesis made in Java: started, every channel joined by its orderers
 * and its member orgs' peers, ready for chaincode and transactions.
 *
 * <pre>{@code
 * try (FabricDevnet devnet = FabricDevnet.start(network, backend, Duration.ofMinutes(1))) {
 *   DeployedChaincode asset = devnet.deployChaincode("asset", "127.0.0.1:9999");
 *   // start the chaincode server on 127.0.0.1:9999 as asset.packageId(), serving asset.tls()
 *   try (FabricGateway gateway = devnet.gateway("org1", "User1")) {
 *     gateway.submit("trade", "asset", "create", "a1");
 *   }
 * }
 * }</pre>
 */
public final class FabricDevnet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FabricDevnet.class);

  private final FabricNetwork spec;
  private final NetworkCrypto crypto;
  private final Deployment deployment;
  private final Path builder;
  private final Duration callTimeout;

  private FabricDevnet(FabricNetwork spec, NetworkCrypto crypto, Deployment deployment, Path builder, Duration callTimeout) {
    this.spec = spec;
    this.crypto = crypto;
    this.deployment = deployment;
    this.builder = builder;
    this.callTimeout = callTimeout;
  }

  /**
   * Generates crypto material, deploys {@code spec} on {@code backend} (a host-process backend:
   * peers use the SDK's own chaincode builder and no CA runs), waits until every node listens, then
   * has every orderer and every member peer join every channel. Within {@code timeout} for the
   * start; each client call after it gets the same timeout.
   */
  public static FabricDevnet start(FabricNetwork spec, Backend<?> backend, Duration timeout) {
    NetworkCrypto crypto = NetworkCrypto.generate(spec);
    Path builder = CcaasBuilder.writeTo(tempFolder());
    Deployment deployment = backend.deploy(FabricWorkloads.toNetwork(spec, crypto, FabricTarget.hostProcesses(builder)));
    FabricDevnet devnet = new FabricDevnet(spec, crypto, deployment, builder, timeout);
    try {
      deployment.awaitReady(timeout, ProgressListener.logging());
      spec.channels().forEach(devnet::join);
      return devnet;
    } catch (RuntimeException e) {
      devnet.destroy(Teardown.DELETE_ALL_VOLUMES);
      throw e;
    }
  }

  /** The network as described. */
  public FabricNetwork spec() {
    return spec;
  }

  /** The crypto material every node and user of the network holds. */
  public NetworkCrypto crypto() {
    return crypto;
  }

  /** The deployment the nodes run in. */
  public Deployment deployment() {
    return deployment;
  }

  /** The identity of {@code user} of {@code org} ({@code Admin} is every org's administrator). */
  public FabricIdentity identity(String org, String user) {
    return identity(crypto.org(org).user(user));
  }

  /** Where the gRPC services of {@code peer} of {@code org} listen. */
  public Endpoint peerEndpoint(String org, String peer) {
    return Endpoint.of(endpoint(peerOrg(org).workload(peer), FabricPorts.GRPC));
  }

  /** A gateway to {@code org}'s first peer as {@code user} of that org; close it when done. */
  public FabricGateway gateway(String org, String user) {
    PeerOrg peerOrg = peerOrg(org);
    return FabricGateway.connect(peerEndpoint(org, peerOrg.peers().get(0).name()), peerTls(org), identity(org, user), callTimeout);
  }

  /** An administration client of {@code peer} of {@code org}, as the org's admin; close it when done. */
  public PeerAdmin peerAdmin(String org, String peer) {
    return PeerAdmin.connect(peerEndpoint(org, peer), peerTls(org), identity(org, OrgCrypto.ADMIN), callTimeout);
  }

  /** The channel participation client of {@code orderer} of orderer org {@code org}, as that org's admin (mutual TLS); close it when done. */
  public OrdererAdmin ordererAdmin(String org, String orderer) {
    OrgCrypto orgCrypto = crypto.org(org);
    MemberCrypto admin = orgCrypto.admin();
    OrdererOrg ordererOrg = spec.ordererOrgs().stream().filter(o -> o.name().equals(org)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("'" + org + "' is not an orderer org of network '" + spec.name() + "'"));
    return OrdererAdmin.connect(Endpoint.of(endpoint(ordererOrg.workload(orderer), FabricPorts.ADMIN)),
        ClientTls.trusting(orgCrypto.tlsCa().certificate()).withClientCertificate(admin.tls().certificate(), admin.tls().privateKey()),
        callTimeout);
  }

  /**
   * Deploys {@code chaincode} through the lifecycle: a chaincode-as-a-service package pointing at
   * {@code address}, a chaincode server the caller runs, is installed on every peer of each member
   * org of its channel, approved by each org, and committed. Peers reach the server over TLS only:
   * the answer holds the package id the server must run under and the TLS certificate it must
   * serve, issued by the first member org's TLS CA. Start it before the first transaction.
   */
  public DeployedChaincode deployChaincode(String chaincode, String address) {
    Chaincode cc = spec.chaincodes().stream().filter(c -> c.name().equals(chaincode)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("'" + chaincode + "' is not a chaincode of network '" + spec.name() + "'"));
    Channel channel = spec.channel(cc.channel()).orElseThrow();
    List<PeerOrg> members = spec.members(channel);
    OrgCrypto issuer = crypto.org(members.get(0).name());
    Identity serverTls = issuer.issueTls(cc.name(), List.of(Endpoint.parse(address).host()));
    ChaincodePackage pkg = ChaincodePackage.builder().label(cc.name() + "_" + cc.version()).address(address)
        .rootCertificatePem(issuer.tlsCa().certificatePem()).build();
    ChaincodeDefinition definition = ChaincodeDefinition.of(cc.name(), cc.version(), cc.sequence())
        .withPackageId(pkg.packageId()).withInitRequired(cc.initRequired());
    if (cc.endorsementPolicy().isPresent()) {
      definition = definition.withSignaturePolicy(PolicyDsl.envelope(cc.endorsementPolicy().get()));
    }
    for (PeerOrg org : members) {
      for (Peer peer : org.peers()) {
        try (PeerAdmin admin = peerAdmin(org.name(), peer.name())) {
          admin.install(pkg.bytes());
        }
      }
      ChaincodeDefinition approved = definition;
      try (FabricGateway gateway = gateway(org.name(), OrgCrypto.ADMIN)) {
        whenAvailable("approval of " + cc.name() + " by " + org.mspId(), () -> gateway.lifecycle(channel.name()).approveForMyOrg(approved));
      }
    }
    ChaincodeDefinition approved = definition;
    String[] endorsers = members.stream().map(PeerOrg::mspId).toArray(String[]::new);
    try (FabricGateway gateway = gateway(members.get(0).name(), OrgCrypto.ADMIN)) {
      whenAvailable("commit of " + cc.name(), () -> gateway.lifecycle(channel.name()).commit(approved, endorsers));
    }
    LOG.info("Chaincode {} committed on channel {} as package {}", cc.name(), channel.name(), pkg.packageId());
    return new DeployedChaincode(pkg.packageId(), serverTls);
  }

  /** Stops every node, keeping ledgers unless {@code teardown} says otherwise, and removes the builder scripts. */
  public void destroy(Teardown teardown) {
    try {
      deployment.destroy(teardown);
    } finally {
      deleteTree(builder);
    }
  }

  /** Stops every node and keeps the ledgers. */
  @Override
  public void close() {
    destroy(Teardown.KEEP_VOLUMES);
  }

  private void join(Channel channel) {
    // Built after the start, so the channel config records the addresses the nodes really listen on.
    NodeAddresses listening = (org, node, port) -> {
      Endpoint e = Endpoint.of(endpoint(org.workload(node), FabricPorts.GRPC));
      return e.host() + ":" + e.port();
    };
    byte[] genesis = ChannelGenesis.block(spec, channel.name(), crypto, listening).toByteArray();
    for (OrdererOrg org : spec.ordererOrgs()) {
      for (Orderer orderer : org.orderers()) {
        try (OrdererAdmin admin = ordererAdmin(org.name(), orderer.name())) {
          admin.join(genesis);
        }
      }
    }
    for (PeerOrg org : spec.members(channel)) {
      for (Peer peer : org.peers()) {
        try (PeerAdmin admin = peerAdmin(org.name(), peer.name())) {
          admin.joinChannel(genesis);
        }
      }
    }
    LOG.info("Channel {} joined by {} orderers and the peers of {}", channel.name(), spec.ordererCount(),
        spec.members(channel).stream().map(PeerOrg::name).toList());
  }

  /**
   * Runs {@code call} until the network can serve it: just after channels are joined, the Raft
   * leader may not be elected and gossip may not have told the gateway of other orgs' peers yet,
   * and Fabric answers UNAVAILABLE. Any other failure, or the call timeout, ends the wait.
   */
  private void whenAvailable(String what, Runnable call) {
    Await.of(what).timeout(callTimeout).backoff(Backoff.exponential(Duration.ofMillis(50), Duration.ofSeconds(1)))
        .retryingIf(e -> e instanceof PlatformException && Status.fromThrowable(e).getCode() == Status.Code.UNAVAILABLE)
        .describingFailures(Throwable::getMessage)
        .until(() -> {
          call.run();
          return Observation.done(null, "done");
        });
  }

  private URI endpoint(String workload, String port) {
    return deployment.endpoint(workload, port);
  }

  private PeerOrg peerOrg(String org) {
    return spec.peerOrg(org).orElseThrow(() -> new NoSuchElementException("'" + org + "' is not a peer org of network '" + spec.name() + "'"));
  }

  private ClientTls peerTls(String org) {
    return ClientTls.trusting(crypto.org(org).tlsCa().certificate());
  }

  private static FabricIdentity identity(MemberCrypto member) {
    return new FabricIdentity(member.mspId(), member.signing().certificate(), member.signing().privateKey());
  }

  private static Path tempFolder() {
    try {
      return Files.createTempDirectory("chainwright-ccaas-");
    } catch (IOException e) {
      throw new PlatformException("create", "chaincode builder folder", e.getMessage(), e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new PlatformException("remove", "devnet folder " + root, e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "FabricDevnet[" + spec.name() + "]";
  }
}
