package io.chainwright.ethereum.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.yaml.YamlFactories;
import io.chainwright.compose.Promtool;
import io.chainwright.compose.TestTools;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.Nodes;
import io.chainwright.ethereum.Rendered;
import io.chainwright.ethereum.Validation;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.el.ExecutionClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A blackbox exporter probes each node's APIs; Prometheus scrapes it once per probe; alerts fire on what it sees. */
class NodeProbesTest {
  static final EthereumNode GETH = Nodes.gethLighthouse();
  static final EthereumNode NETHERMIND = Nodes.mainnet(ExecutionClient.NETHERMIND, ConsensusClient.TEKU).name("other").build();

  static NodeProbes probes() {
    return NodeProbes.builder().addNodes(GETH, NETHERMIND).build();
  }

  static Network network() {
    NodeProbes probes = probes();
    return NetworkPart.network("watched", GETH, NETHERMIND, probes).withMonitoring(
        MonitoringPolicy.builder().alerts(probes.alertRules()).build());
  }

  @Test
  void theBlackboxExporterAcceptsTheGeneratedConfiguration(@TempDir Path dir) throws Exception {
    Path exporter = TestTools.systemProgram("prometheus-blackbox-exporter", "prometheus-blackbox-exporter");
    Files.writeString(dir.resolve("blackbox.yml"), probes().blackboxConf());
    assertThat(TestTools.run(exporter, dir, "--config.file=blackbox.yml", "--config.check")).contains("Config file is ok");

    // It reads strictly: a key of another release is refused, so the check above can fail.
    Files.writeString(dir.resolve("broken.yml"), probes().blackboxConf().replace("valid_status_codes", "valid_status"));
    assertThatThrownBy(() -> TestTools.run(exporter, dir, "--config.file=broken.yml", "--config.check"))
        .hasMessageContaining("valid_status");
  }

  @Test
  void prometheusScrapesTheExporterOncePerProbeWithItsModuleAndTarget() {
    ServiceMonitor monitor = Rendered.both(network()).object(ServiceMonitor.class, "node-probes");
    List<Endpoint> endpoints = monitor.getSpec().getEndpoints();

    assertThat(endpoints).hasSize(8).allSatisfy(e -> {
      assertThat(e.getPort()).isEqualTo("http");
      assertThat(e.getPath()).isEqualTo("/probe");
    });
    assertThat(endpoints).extracting(e -> e.getRelabelings().get(0).getReplacement() + " " + e.getParams())
        .containsExactly(
            "node-geth-synced {module=[el_synced], target=[http://node-geth:8545]}",
            "node-geth-peers {module=[el_peers], target=[http://node-geth:8545]}",
            "node-lighthouse-health {module=[cl_health], target=[http://node-lighthouse:5052/eth/v1/node/health]}",
            "node-lighthouse-peers {module=[cl_peers], target=[http://node-lighthouse:5052/eth/v1/node/peer_count]}",
            "other-nethermind-synced {module=[el_synced], target=[http://other-nethermind:8545]}",
            "other-nethermind-peers {module=[el_peers], target=[http://other-nethermind:8545]}",
            "other-teku-health {module=[cl_health], target=[http://other-teku:5052/eth/v1/node/health]}",
            "other-teku-peers {module=[cl_peers], target=[http://other-teku:5052/eth/v1/node/peer_count]}");
    assertThat(endpoints.get(0).getRelabelings().get(0).getTargetLabel()).isEqualTo("target");
  }

  @Test
  void theExporterReachesEveryProbedApiUnderDefaultDeny() {
    assertThat(probes().workload().reaches()).containsExactlyInAnyOrder(Reach.url(GETH.rpcUrl()), Reach.url(GETH.beaconApi()),
        Reach.url(NETHERMIND.rpcUrl()), Reach.url(NETHERMIND.beaconApi()));
  }

  @Test
  void promtoolFiresTheAlertsOnWhatTheProbesSee(@TempDir Path dir) throws Exception {
    PrometheusRule rule = Rendered.both(network()).kubernetes().stream().filter(PrometheusRule.class::isInstance)
        .map(PrometheusRule.class::cast).findFirst().orElseThrow();
    Promtool promtool = Promtool.checked(dir, Serialization.asYaml(rule.getSpec()));
    Map<String, String> labels = new TreeMap<>(Map.of("target", "node-geth-synced", "severity", "warning",
        "network", "watched", "chain", "ethereum", "workload", "node-geth"));
    promtool.passes("1m", Map.of("interval", "1m",
        "input_series", List.of(
            // Synced for 10 minutes, then syncing (or unreachable) from then on.
            Map.of("series", "probe_success{target=\"node-geth-synced\"}", "values", "1x9 0x40"),
            Map.of("series", "probe_duration_seconds{target=\"node-geth-synced\"}", "values", "0.1x20 3x20")),
        "alert_rule_test", List.of(
            Map.of("eval_time", "20m", "alertname", "NodeGethRpcNotSynced", "exp_alerts", List.of()),
            Map.of("eval_time", "30m", "alertname", "NodeGethRpcNotSynced", "exp_alerts", List.of(Map.of(
                "exp_labels", labels, "exp_annotations", Map.of("summary",
                    "node-geth has answered eth_syncing with sync progress, or not at all, for 15 minutes")))),
            Map.of("eval_time", "25m", "alertname", "NodeGethRpcSlow", "exp_alerts", List.of()),
            Map.of("eval_time", "35m", "alertname", "NodeGethRpcSlow", "exp_alerts", List.of(Map.of(
                "exp_labels", new TreeMap<>(Map.of("target", "node-geth-synced", "severity", "warning", "network", "watched",
                    "chain", "ethereum", "workload", "node-geth")),
                "exp_annotations", Map.of("summary", "node-geth has taken more than 2.0s to answer for 10 minutes")))))));
  }

  @Test
  void theProbesAlertsJoinTheNodesOwn() {
    EthereumNode node = GETH;
    // README: node-probes
    NodeProbes probes = NodeProbes.builder().addNodes(node).build();
    List<AlertRule> alerts = Stream.concat(node.alertRules().stream(), probes.alertRules().stream()).toList();
    // README: end
    assertThat(alerts).extracting(AlertRule::name).doesNotHaveDuplicates()
        .contains("NodeGethNotSynced", "NodeGethRpcNotSynced", "NodeGethRpcNoPeers", "NodeLighthouseHealthFailing",
            "NodeLighthouseNoPeers", "NodeGethRpcSlow");
  }

  @Test
  void anyJsonRpcEndpointIsProbedAsAnExecutionClientUnderItsOwnName() {
    NodeProbes probes = NodeProbes.builder().putRpcEndpoint("base-sequencer", URI.create("https://mainnet-sequencer.example.org"))
        .putRpcEndpoint("devnet", URI.create("http://devnet-anvil:8545")).build();

    assertThat(probes.workload().metrics().orElseThrow().targets()).extracting(t -> t.name() + " " + t.paramLists())
        .containsExactly("base-sequencer-synced {module=[el_synced], target=[https://mainnet-sequencer.example.org]}",
            "base-sequencer-peers {module=[el_peers], target=[https://mainnet-sequencer.example.org]}",
            "devnet-synced {module=[el_synced], target=[http://devnet-anvil:8545]}",
            "devnet-peers {module=[el_peers], target=[http://devnet-anvil:8545]}");
    assertThat(probes.alertRules()).extracting(AlertRule::name).containsExactly("BaseSequencerRpcNotSynced",
        "BaseSequencerRpcNoPeers", "BaseSequencerRpcSlow", "DevnetRpcNotSynced", "DevnetRpcNoPeers", "DevnetRpcSlow");
    assertThat(probes.workload().reaches()).contains(Reach.url(URI.create("https://mainnet-sequencer.example.org")));
    assertThat(Validation.refused(() -> NodeProbes.builder().addNodes(GETH).putRpcEndpoint("node-geth", GETH.rpcUrl())
        .putRpcEndpoint("node-lighthouse", URI.create("http://beacon-as-rpc:5052"))
        .putRpcEndpoint("Bad", URI.create("ws://x:8546")).build()).violations()).extracting(Violation::toString)
        .containsExactlyInAnyOrder("nodeProbes.rpcEndpoints[node-geth].name: is a workload of a probed node already",
            "nodeProbes.rpcEndpoints[node-lighthouse].name: is a workload of a probed node already",
            "nodeProbes.rpcEndpoints[Bad].name: 'Bad' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit)",
            "nodeProbes.rpcEndpoints[Bad].url: 'ws://x:8546' is not an http(s) address");
  }

  @Test
  void badSettingsAreReportedTogether() {
    ValidationException e = Validation.refused(() -> NodeProbes.builder().addNodes(GETH, GETH).timeoutSeconds(30)
        .intervalSeconds(30).slowSeconds(45).build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("nodeProbes.nodes[node]", "nodeProbes.timeoutSeconds",
        "nodeProbes.slowSeconds");
    assertThat(Validation.refused(() -> NodeProbes.builder().build()).getMessage()).contains("at least one node or JSON-RPC endpoint");
  }

  @Test
  void theConfigurationNamesNoTargetAndHoldsNoSecret() throws Exception {
    String conf = probes().blackboxConf();
    assertThat(conf).doesNotContain("node-geth", "8545");
    JsonNode modules = new ObjectMapper(YamlFactories.strict()).readTree(conf).get("modules");
    assertThat(modules.fieldNames()).toIterable().containsExactly("el_synced", "el_peers", "cl_health", "cl_peers");
  }
}
