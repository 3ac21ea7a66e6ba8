package io.chainwright.fabric.operations;

import io.chainwright.api.backend.Deployment;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.FabricOrg;
import io.chainwright.fabric.Orderer;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.channel.ChannelChanges;
import io.chainwright.fabric.channel.NodeAddresses;
import io.chainwright.fabric.client.ClientTls;
import io.chainwright.fabric.client.Endpoint;
import io.chainwright.fabric.client.FabricGateway;
import io.chainwright.fabric.client.FabricIdentity;
import io.chainwright.fabric.client.OrdererAdmin;
import io.chainwright.fabric.client.OrdererClient;
import io.chainwright.fabric.client.PeerAdmin;
import io.chainwright.fabric.compile.FabricPorts;
import io.chainwright.fabric.crypto.MemberCrypto;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.fabric.crypto.OrgCrypto;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.protos.common.ConfigGroup;

/**
 * Operates a deployed Fabric network, whatever the backend: every node is reached through
 * {@link Deployment#endpoint} (a port-forward on Kubernetes, a mapped port on Compose, loopback for
 * host processes), and the nodes reach each other at the addresses the channel config records.
 *
 * <pre>{@code
 * FabricOperations ops = FabricOperations.on(deployment, network, crypto, NodeAddresses.workloads(),
 *     FabricTimeouts.of(Duration.ofSeconds(30)).withDeploy(Duration.ofMinutes(2)));
 * ops.createChannel("trade");                       // every orderer joins, every member peer joins
 * ops.deployChaincode("asset", "asset-server:9999"); // install, approve per org, commit: what is missing
 * }</pre>
 */
public final class FabricOperations {
  private final Deployment deployment;
  private final FabricNetwork spec;
  private final NetworkCrypto crypto;
  private final NodeAddresses inNetwork;
  private final FabricTimeouts timeouts;
  private final ChannelWork channels;
  private final ChaincodeWork chaincodes;

  private FabricOperations(Deployment deployment, FabricNetwork spec, NetworkCrypto crypto, NodeAddresses inNetwork, FabricTimeouts timeouts) {
    this.deployment = deployment;
    this.spec = spec;
    this.crypto = crypto;
    this.inNetwork = inNetwork;
    this.timeouts = timeouts;
    this.channels = new ChannelWork(this, spec, crypto, inNetwork, timeouts);
    this.chaincodes = new ChaincodeWork(this, spec, crypto, timeouts);
  }

  /**
   * Operations on {@code spec} deployed as {@code deployment} with {@code crypto}, its nodes
   * reaching each other at {@code inNetwork} addresses (workload names inside a cluster or a Compose
   * project; the addresses they listen on for host processes); each step gives up after its timeout.
   */
  public static FabricOperations on(Deployment deployment, FabricNetwork spec, NetworkCrypto crypto, NodeAddresses inNetwork,
      FabricTimeouts timeouts) {
    return new FabricOperations(deployment, spec, crypto, inNetwork, timeouts);
  }

  /** As {@link #on(Deployment, FabricNetwork, NetworkCrypto, NodeAddresses, FabricTimeouts)}, with one timeout for every step. */
  public static FabricOperations on(Deployment deployment, FabricNetwork spec, NetworkCrypto crypto, NodeAddresses inNetwork,
      Duration timeout) {
    return on(deployment, spec, crypto, inNetwork, FabricTimeouts.of(timeout));
  }

  /**
   * Operations on the same deployed nodes with a changed model, for day-2 changes the model
   * describes: a chaincode at its next sequence, a channel with another member. The changed model
   * must keep the nodes and orgs of this one; the crypto is this one's.
   * <pre>{@code
   * ops.withSpec(network.withChaincodes(asset.withVersion("2.0").withSequence(2))).deployChaincode("asset", "asset-v2:9999");
   * }</pre>
   */
  public FabricOperations withSpec(FabricNetwork changed) {
    return new FabricOperations(deployment, changed, crypto, inNetwork, timeouts);
  }

  /** How long each step may take. */
  public FabricTimeouts timeouts() {
    return timeouts;
  }

  /**
   * Creates {@code channel}: its genesis block, recording orderers and anchor peers at the in-network
   * addresses, joined by every orderer (channel participation) and every peer of its member orgs,
   * each call within the channel timeout. Returns the genesis block. A node that fails is named by
   * org and name, with the address it was reached at.
   */
  public byte[] createChannel(String channel) {
    return channels.create(channel);
  }

  /**
   * Changes the configuration of the running {@code channel}: reads it from the first orderer,
   * applies {@code change} (e.g. {@code c -> ChannelChanges.batchTimeout(c, "500ms")}), computes the
   * update, has the admin of every org of this network that the channel holds sign it, and submits
   * it, each call within the channel timeout. An update that needs more signatures (of an org
   * outside this network) fails naming the policy and who still must sign.
   */
  public void updateChannel(String channel, UnaryOperator<ConfigGroup> change) {
    channels.update(channel, change);
  }

  /**
   * Adds {@code org}, a peer org of this network, to the running {@code channel}
   * ({@link ChannelChanges#addOrg}, signed by the admins of the orgs already in it), then has its
   * peers join from the channel's genesis block, which they catch up from. For the org to endorse
   * chaincode, name it among the channel's members and {@link #deployChaincode deploy} the chaincode
   * again: its peers install the package and it approves the committed definition.
   */
  public void addOrgToChannel(String channel, String org) {
    channels.addOrg(channel, org);
  }

  /** Has every peer of {@code org} join the running {@code channel}, from its genesis block as the first orderer serves it. */
  public void joinPeers(String channel, String org) {
    channels.joinPeers(channel, org);
  }

  /**
   * Brings {@code chaincode} on its channel to the definition the model describes, doing only what
   * is missing: a chaincode-as-a-service package pointing at {@code address}, a chaincode server the
   * caller runs, is installed on every peer of each member org that lacks it; each org that has not
   * approved the definition approves it; and it is committed unless the channel already has it.
   * <ul>
   *   <li>first deploy: sequence 1, installed, approved and committed;
   *   <li>upgrade: raise the chaincode's sequence by one (with a new version or policy);
   *   <li>the committed sequence again: catches up peers and orgs added since (an org added with
   *       {@link #addOrgToChannel} approves it), and changes nothing when all is in place.
   * </ul>
   * A model whose sequence is not the committed one or the next, or that changes the committed
   * definition without raising it, is refused naming the channel and what is committed. Peers reach
   * the server over TLS only: the answer holds the package id the server must run under, the TLS
   * certificate it must serve (issued by the first member org's TLS CA), and what was changed.
   * Start the server before the first transaction. Each call gets the deploy timeout.
   */
  public DeployedChaincode deployChaincode(String chaincode, String address) {
    return chaincodes.deploy(chaincode, address);
  }

  /** The identity of {@code user} of {@code org} ({@code Admin} is every org's administrator). */
  public FabricIdentity identity(String org, String user) {
    MemberCrypto member = crypto.org(org).user(user);
    return new FabricIdentity(member.mspId(), member.signing().certificate(), member.signing().privateKey());
  }

  /** Where the gRPC services of {@code peer} of {@code org} are reached from here. */
  public Endpoint peerEndpoint(String org, String peer) {
    return Endpoint.of(deployment.endpoint(peerOrg(org).workload(peer), FabricPorts.GRPC));
  }

  /**
   * The operations service (health at {@code /healthz}, Prometheus metrics at {@code /metrics}) of
   * {@code node} of {@code org}, a peer or an orderer, as reached from here.
   */
  public URI operationsEndpoint(String org, String node) {
    return deployment.endpoint(workloadOf(org, node), FabricPorts.OPERATIONS);
  }

  /** The workload that runs {@code node} of {@code org}, a peer or an orderer. */
  public String workloadOf(String org, String node) {
    Optional<PeerOrg> peerOrg = spec.peerOrg(org);
    FabricOrg owner = peerOrg.<FabricOrg>map(o -> o).orElseGet(() -> ordererOrg(org));
    List<String> nodes = peerOrg.map(o -> o.peers().stream().map(Peer::name).toList())
        .orElseGet(() -> ordererOrg(org).orderers().stream().map(Orderer::name).toList());
    if (!nodes.contains(node)) {
      throw new NoSuchElementException("'" + node + "' is not a node of org '" + org + "' (its nodes: " + String.join(", ", nodes) + ")");
    }
    return owner.workload(node);
  }

  /** A gateway to {@code org}'s first peer as {@code user} of that org, each call within the call timeout; close it when done. */
  public FabricGateway gateway(String org, String user) {
    return gateway(org, user, timeouts.call());
  }

  /** An administration client of {@code peer} of {@code org}, as the org's admin; close it when done. */
  public PeerAdmin peerAdmin(String org, String peer) {
    return peerAdmin(org, peer, timeouts.call());
  }

  /** The channel participation client of {@code orderer} of orderer org {@code org}, as that org's admin (mutual TLS); close it when done. */
  public OrdererAdmin ordererAdmin(String org, String orderer) {
    return ordererAdmin(org, orderer, timeouts.call());
  }

  /** The atomic broadcast client of {@code orderer} of orderer org {@code org}, signing as {@code identity}; close it when done. */
  public OrdererClient ordererClient(String org, String orderer, FabricIdentity identity) {
    return ordererClient(org, orderer, identity, timeouts.call());
  }

  OrdererClient ordererClient(String org, String orderer, FabricIdentity identity, Duration timeout) {
    return OrdererClient.connect(named(orderer, org), Endpoint.of(deployment.endpoint(ordererOrg(org).workload(orderer), FabricPorts.GRPC)),
        ClientTls.trusting(crypto.org(org).tlsCa().certificate()), identity, timeout);
  }

  FabricGateway gateway(String org, String user, Duration timeout) {
    String peer = peerOrg(org).peers().get(0).name();
    return FabricGateway.connect(named(peer, org), peerEndpoint(org, peer), peerTls(org), identity(org, user), timeout);
  }

  PeerAdmin peerAdmin(String org, String peer, Duration timeout) {
    return PeerAdmin.connect(named(peer, org), peerEndpoint(org, peer), peerTls(org), identity(org, OrgCrypto.ADMIN), timeout);
  }

  OrdererAdmin ordererAdmin(String org, String orderer, Duration timeout) {
    OrgCrypto orgCrypto = crypto.org(org);
    MemberCrypto admin = orgCrypto.admin();
    return OrdererAdmin.connect(named(orderer, org), Endpoint.of(deployment.endpoint(ordererOrg(org).workload(orderer), FabricPorts.ADMIN)),
        ClientTls.trusting(orgCrypto.tlsCa().certificate()).withClientCertificate(admin.tls().certificate(), admin.tls().privateKey()),
        timeout);
  }

  /**
   * How the clients handed out name their node in errors: the address they reach is a port-forward's
   * or a mapped port's, which says little on its own.
   */
  private static String named(String node, String org) {
    return node + " of " + org;
  }

  PeerOrg peerOrg(String org) {
    return spec.peerOrg(org).orElseThrow(() -> new NoSuchElementException("'" + org + "' is not a peer org of network '" + spec.name() + "'"));
  }

  private OrdererOrg ordererOrg(String org) {
    return spec.ordererOrgs().stream().filter(o -> o.name().equals(org)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("'" + org + "' is not an orderer org of network '" + spec.name() + "'"));
  }

  private ClientTls peerTls(String org) {
    return ClientTls.trusting(crypto.org(org).tlsCa().certificate());
  }

  @Override
  public String toString() {
    return "FabricOperations[" + spec.name() + "]";
  }
}
