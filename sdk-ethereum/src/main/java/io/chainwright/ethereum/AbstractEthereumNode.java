package io.chainwright.ethereum;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.CronSchedule;
import io.chainwright.api.Image;
import io.chainwright.api.Names;
import io.chainwright.api.Network;
import io.chainwright.api.StandalonePart;
import io.chainwright.api.Violations;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.material.Materials;
import io.chainwright.api.policy.AlertInhibition;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.BackupPolicy;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.ClientKind;
import io.chainwright.ethereum.common.CustomGenesis;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.common.StorageMode;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Ethereum node: an execution client and a consensus client that drive each other through the
 * Engine API, compiled into two stateful workloads and a freshly generated JWT secret.
 *
 * <pre>{@code
 * Network network = EthereumNode.builder()
 *     .name("mainnet")
 *     .network(PublicNetwork.MAINNET)
 *     .execution(ExecutionSpec.of(ExecutionClient.GETH))
 *     .consensus(ConsensusSpec.of(ConsensusClient.LIGHTHOUSE, URI.create("https://checkpoint.example.org")))
 *     .build()
 *     .toNetwork();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = EthereumNode.class)
@JsonDeserialize(as = EthereumNode.class)
abstract class AbstractEthereumNode implements StandalonePart {
  /** Prefix of the workload names: {@code <name>-<execution client>} and {@code <name>-<consensus client>}. */
  public abstract String name();

  /** The public network to join; give this or {@link #customGenesis()}. */
  public abstract Optional<PublicNetwork> network();

  /** A private network's genesis; give this or {@link #network()}. */
  public abstract Optional<CustomGenesis> customGenesis();

  @Value.Default
  public StorageMode mode() {
    return StorageMode.FULL;
  }

  public abstract ExecutionSpec execution();

  public abstract ConsensusSpec consensus();

  @Value.Default
  public NodeSize size() {
    return NodeSize.MEDIUM;
  }

  /** The execution data volume's size; by default it follows the network and mode. */
  public abstract Optional<String> executionStorage();

  /** The consensus data volume's size; by default it follows the network. */
  public abstract Optional<String> consensusStorage();

  /** The storage class of both data volumes; the platform default when absent. */
  public abstract Optional<String> storageClass();

  /** How far the execution JSON-RPC (and WebSocket) port reaches; internal by default. */
  @Value.Default
  public Exposure rpcExposure() {
    return Exposure.internal();
  }

  /** How far the P2P ports of both clients reach; internal by default, a node port to take inbound peers. */
  @Value.Default
  public Exposure p2pExposure() {
    return Exposure.internal();
  }

  /** The execution client's workload name. */
  public String executionWorkload() {
    return name() + "-" + execution().client().id();
  }

  /** The consensus client's workload name. */
  public String consensusWorkload() {
    return name() + "-" + consensus().client().id();
  }

  /** The consensus client's beacon API inside the network, for validator clients to follow. */
  public URI beaconApi() {
    return URI.create("http://" + consensusWorkload() + ":" + consensus().httpPort());
  }

  /** The execution client's JSON-RPC address inside the network, e.g. for a load balancer in front of it. */
  public URI rpcUrl() {
    return URI.create("http://" + executionWorkload() + ":" + execution().rpcPort());
  }

  /**
   * The execution client's JSON-RPC over WebSocket inside the network, when the spec enables it: on
   * the RPC port for clients that serve both there, else on the WebSocket port. An {@code http}
   * address, as a proxy in front of it is given; clients connect with {@code ws}.
   */
  public Optional<URI> webSocketUrl() {
    if (!execution().webSocket()) {
      return Optional.empty();
    }
    int port = execution().client().flags().webSocketOnRpcPort() ? execution().rpcPort() : execution().webSocketPort();
    return Optional.of(URI.create("http://" + executionWorkload() + ":" + port));
  }

  /** The JWT secret's name. */
  public String jwtSecretName() {
    return name() + "-jwt";
  }

  /** The execution data volume's size after defaults. */
  public String effectiveExecutionStorage() {
    return executionStorage().orElseGet(() -> StorageDefaults.execution(network(), mode()));
  }

  /** The consensus data volume's size after defaults. */
  public String effectiveConsensusStorage() {
    return consensusStorage().orElseGet(() -> StorageDefaults.consensus(network()));
  }

  /**
   * Adds this node's workloads and its Engine API JWT secret to {@code network}; the secret is made
   * once in {@code materials}, keyed by the secret's name, so two nodes never share one.
   */
  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    NodeCompiler.compile((EthereumNode) this, materials).addTo(network);
    return network;
  }

  /**
   * This node's network during offline pruning: the execution client is stopped and its pruning
   * command runs against its data; the workload becomes ready once pruning is done. Deploy it, wait
   * for it to be ready, then deploy {@link #toNetwork(MaterialStore)} again. Pass the store the node's
   * network was built with, so that both clients keep their Engine API JWT. Refused for a client that prunes only
   * while running, or keeps everything (archive).
   */
  public Network pruningWindow(MaterialStore store) {
    return PruningWindow.of((EthereumNode) this, store.forNetwork(name()));
  }

  /** As {@link #pruningWindow(MaterialStore)} with new material: for a node whose JWT is not kept in a store. */
  public Network pruningWindow() {
    return pruningWindow(MaterialStore.inMemory());
  }

  /**
   * Scheduled snapshots of both clients' data volumes, keeping the newest {@code retain}. A snapshot
   * of a running node is crash-consistent: the clients recover from it as from a power cut.
   */
  public BackupPolicy backups(CronSchedule schedule, int retain, String snapshotClass) {
    return BackupPolicy.builder().name(name() + "-data").addWorkloads(executionWorkload(), consensusWorkload())
        .schedule(schedule).retain(retain).snapshotClass(snapshotClass).build();
  }

  /**
   * Alert presets for this node: not synced, low peers, disk space low and block time lag. Add them
   * to the network's {@code MonitoringPolicy}.
   */
  public List<AlertRule> alertRules() {
    return NodeAlerts.presets((EthereumNode) this);
  }

  /**
   * Inhibitions for {@link #alertRules()}: while a client is not synced, its peer and lag alerts,
   * which follow from that, are not sent. Add them to the network's {@code AlertRouting}.
   */
  public List<AlertInhibition> alertInhibitions() {
    return NodeAlerts.inhibitions((EthereumNode) this);
  }

  private static void retired(Violations v, PublicNetwork network, ClientKind client, Image image) {
    client.refusal(network, image).ifPresent(why -> v.add("network", why));
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    if (v.require("name", name())) {
      v.label("name", name());
      if (Names.dnsLabelProblem(name()).isEmpty() && execution() != null && consensus() != null) {
        Names.dnsLabelProblem(consensusWorkload()).ifPresent(p -> v.add("name", "'" + consensusWorkload() + "' " + p));
        Names.dnsLabelProblem(executionWorkload()).ifPresent(p -> v.add("name", "'" + executionWorkload() + "' " + p));
      }
    }
    if (network().isPresent() == customGenesis().isPresent()) {
      v.add("network", network().isPresent()
          ? "give a public network or a custom genesis, not both"
          : "an unknown network needs a genesis: choose a public network or give customGenesis");
    }
    v.require("mode", mode());
    v.require("execution", execution());
    v.require("size", size());
    v.require("rpcExposure", rpcExposure());
    v.require("p2pExposure", p2pExposure());
    if (v.require("consensus", consensus()) && network().isPresent()
        && consensus().checkpointSyncUrl().isEmpty() && !consensus().genesisSyncInsecure()) {
      v.add("consensus.checkpointSyncUrl", "a public network needs a checkpoint sync URL, "
          + "or genesisSyncInsecure(true) to sync from genesis without one");
    }
    network().ifPresent(n -> {
      if (execution() != null && execution().image().isEmpty()) {
        retired(v, n, execution().client(), execution().effectiveImage());
      }
      if (consensus() != null && consensus().image().isEmpty()) {
        retired(v, n, consensus().client(), consensus().effectiveImage());
      }
    });
    v.quantity("executionStorage", executionStorage());
    v.quantity("consensusStorage", consensusStorage());
    storageClass().ifPresent(c -> v.subdomain("storageClass", c));
    v.throwIfAny();
  }
}
