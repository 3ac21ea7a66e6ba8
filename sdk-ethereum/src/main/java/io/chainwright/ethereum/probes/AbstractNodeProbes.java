package io.chainwright.ethereum.probes;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.Violations;
import io.chainwright.api.Workload;
import io.chainwright.api.material.Materials;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.ethereum.EthereumNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A Prometheus blackbox exporter that asks each node what a client would, and exports the answers:
 * whether the execution client says it has caught up ({@code eth_syncing}) and has peers
 * ({@code net_peerCount}), whether the beacon node reports itself healthy and has connected peers,
 * and how long each answer took. Prometheus scrapes it once per probe (one target each, labelled {@code target}, e.g.
 * {@code mainnet-geth-synced}); {@link #alertRules()} fire on what it sees. It works the same for
 * every client, whatever metrics the client itself exports.
 *
 * <pre>{@code
 * NodeProbes probes = NodeProbes.builder().addNodes(node).build();
 * Network network = NetworkPart.network("mainnet", node, probes);
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = NodeProbes.class)
@JsonDeserialize(as = NodeProbes.class)
abstract class AbstractNodeProbes implements NetworkPart {
  /** The blackbox exporter release whose configuration keys the generated file uses. */
  static final Image DEFAULT_IMAGE = Image.of("prom/blackbox-exporter:v0.23.0");

  @Value.Default
  public String name() {
    return "node-probes";
  }

  /** The exporter's image; by default the blackbox exporter release the configuration is checked against. */
  @Value.Default
  public Image image() {
    return DEFAULT_IMAGE;
  }

  /** The nodes to probe: each one's execution RPC and beacon API. */
  public abstract List<EthereumNode> nodes();

  /**
   * Other JSON-RPC endpoints to probe as execution clients, by a name of their own: an L2 node, a
   * devnet, a provider the platform falls back to. The name stands for the endpoint in targets and
   * alerts, as a node's execution workload does.
   */
  public abstract Map<String, URI> rpcEndpoints();

  @Value.Default
  public int port() {
    return 9115;
  }

  /** How often each probe runs. */
  @Value.Default
  public int intervalSeconds() {
    return 30;
  }

  /** How long a node may take to answer before the probe fails. */
  @Value.Default
  public int timeoutSeconds() {
    return 5;
  }

  /** An answer slower than this, held for ten minutes, raises the slow-RPC alert. */
  @Value.Default
  public double slowSeconds() {
    return 2.0;
  }

  /** The exporter's generated configuration, which holds no secret. */
  public String blackboxConf() {
    return BlackboxConf.render((NodeProbes) this);
  }

  /** The exporter's workload, its metrics endpoint naming one target per probe. */
  public Workload workload() {
    return NodeProbesCompiler.compile((NodeProbes) this);
  }

  /**
   * Alerts on what the probes see: an execution client not synced or without peers for 15 minutes, a
   * beacon node unhealthy for 10 or without peers for 15, answers slower than {@link #slowSeconds()}.
   * Add them to the network's {@code MonitoringPolicy}.
   */
  public List<AlertRule> alertRules() {
    return ProbeAlerts.rules((NodeProbes) this);
  }

  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    return network.addWorkload(workload());
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("nodeProbes");
    v.label("name", name());
    v.require("image", image());
    if (nodes().isEmpty() && rpcEndpoints().isEmpty()) {
      v.add("nodes", "name at least one node or JSON-RPC endpoint to probe");
    }
    v.unique("nodes", nodes(), EthereumNode::name);
    rpcEndpoints().forEach((name, url) -> {
      v.in("rpcEndpoints", name).label("name", name);
      if (url == null || !List.of("http", "https").contains(url.getScheme()) || url.getHost() == null) {
        v.in("rpcEndpoints", name).add("url", "'" + url + "' is not an http(s) address");
      }
      // Its probes and alerts are named after it, as a node's are after its workloads.
      if (nodes().stream().anyMatch(n -> n.executionWorkload().equals(name) || n.consensusWorkload().equals(name))) {
        v.in("rpcEndpoints", name).add("name", "is a workload of a probed node already");
      }
    });
    v.range("port", port(), 1, 65535, "a port");
    v.range("intervalSeconds", intervalSeconds(), 5, 3600, "a probe interval");
    v.range("timeoutSeconds", timeoutSeconds(), 1, 60, "a number of seconds");
    if (timeoutSeconds() >= intervalSeconds()) {
      v.add("timeoutSeconds", timeoutSeconds() + "s is not shorter than the interval (" + intervalSeconds() + "s)");
    }
    if (!(slowSeconds() > 0 && slowSeconds() < timeoutSeconds())) {
      v.add("slowSeconds", slowSeconds() + " is not between 0 and the timeout (" + timeoutSeconds() + "s)");
    }
    v.throwIfAny();
  }
}
