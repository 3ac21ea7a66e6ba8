package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.compose.Promtool;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.common.WorkloadAlerts;
import io.chainwright.ethereum.el.ExecutionClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Alert presets name the node's own pods and claims, with each client's peer metric. */
class NodeAlertsTest {
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  @Test
  void presetsCoverSyncPeersDiskAndBlockTime() {
    List<AlertRule> rules = Nodes.gethLighthouse().alertRules();
    assertThat(rules).extracting(AlertRule::name).containsExactly("NodeGethNotSynced", "NodeLighthouseNotSynced",
        "NodeGethLowPeers", "NodeLighthouseLowPeers", "NodeGethDiskSpaceLow", "NodeLighthouseDiskSpaceLow",
        "NodeLighthouseBlockTimeLag");
    assertThat(rules.get(0).expression()).isEqualTo("kube_pod_status_ready{condition=\"true\",pod=~\"node-geth-[0-9]+\"} == 0");
    assertThat(rules.get(2).expression()).isEqualTo("p2p_peers{pod=~\"node-geth-[0-9]+\"} < 10");
    assertThat(rules.get(4).expression()).contains("persistentvolumeclaim=~\"data-node-geth-[0-9]+\"", "< 0.1");
    assertThat(rules.get(6).expression()).isEqualTo("delta(beacon_head_slot{pod=~\"node-lighthouse-[0-9]+\"}[5m]) < 12");
  }

  @ParameterizedTest
  @EnumSource(ExecutionClient.class)
  void eachExecutionClientIsWatchedThroughItsOwnPeerGauge(ExecutionClient client) {
    String peers = Nodes.mainnet(client, ConsensusClient.TEKU).build().alertRules().get(2).expression();
    assertThat(peers).startsWith(client.flags().peerMetric() + "{pod=~\"node-" + client.id() + "-[0-9]+\"}");
  }

  @Test
  void presetsRenderAsAPrometheusRule() {
    EthereumNode node = Nodes.gethLighthouse();
    Network network = node.addTo(Network.builder().name("watched"))
        .monitoring(MonitoringPolicy.builder().alerts(node.alertRules()).build()).build();
    Rendered rendered = Rendered.both(network);
    assertThat(rendered.kubernetes()).filteredOn(PrometheusRule.class::isInstance).singleElement()
        .satisfies(r -> assertThat(rendered.kubernetesYaml()).contains("NodeGethNotSynced", "NodeLighthouseBlockTimeLag"));
  }

  @Test
  void eachPresetIsLabelledWithTheChainAndItsClientsWorkload() {
    EthereumNode node = Nodes.gethLighthouse();
    assertThat(node.alertRules()).allSatisfy(rule -> assertThat(rule.labels()).containsEntry("chain", "ethereum")
        .containsEntry("workload", rule.name().startsWith("NodeGeth") ? node.executionWorkload() : node.consensusWorkload()));
  }

  @Test
  void inhibitionsKeepAClientThatIsNotSyncedFromAlsoPagingForItsSymptoms() {
    EthereumNode node = Nodes.gethLighthouse();
    List<String> names = node.alertRules().stream().map(AlertRule::name).toList();

    assertThat(node.alertInhibitions()).extracting(i -> i.source().get("alertname") + " -> " + i.target().get("alertname"))
        .containsExactly("NodeGethNotSynced -> NodeGethLowPeers", "NodeLighthouseNotSynced -> NodeLighthouseLowPeers",
            "NodeLighthouseNotSynced -> NodeLighthouseBlockTimeLag");
    assertThat(node.alertInhibitions()).allSatisfy(i -> assertThat(names).contains(i.source().get("alertname"), i.target().get("alertname")));
  }

  @Test
  void promtoolFiresTheNotSyncedAlertWithTheLabelsRoutesMatch(@TempDir Path dir) throws Exception {
    EthereumNode node = Nodes.gethLighthouse();
    Network network = node.addTo(Network.builder().name("watched"))
        .monitoring(MonitoringPolicy.builder().alerts(node.alertRules()).build()).build();
    PrometheusRule rule = Rendered.both(network).kubernetes().stream().filter(PrometheusRule.class::isInstance)
        .map(PrometheusRule.class::cast).findFirst().orElseThrow();
    Promtool promtool = Promtool.checked(dir, YAML.asYaml(rule.getSpec()));

    Map<String, String> labels = new TreeMap<>(Map.of("condition", "true", "pod", "node-geth-0", "severity", "critical",
        "network", "watched", "chain", "ethereum", "workload", "node-geth"));
    promtool.passes("1m", Map.of("interval", "1m",
        "input_series", List.of(Map.of("series", "kube_pod_status_ready{condition=\"true\",pod=\"node-geth-0\"}", "values", "0x45")),
        "alert_rule_test", List.of(
            Map.of("eval_time", "20m", "alertname", "NodeGethNotSynced", "exp_alerts", List.of()),
            Map.of("eval_time", "40m", "alertname", "NodeGethNotSynced", "exp_alerts", List.of(Map.of(
                "exp_labels", labels,
                "exp_annotations", Map.of("summary", "node-geth has not been synced (ready) for 30 minutes")))))));
  }

  @Test
  void workloadNamesBecomeAlertNames() {
    assertThat(WorkloadAlerts.camel("mainnet-geth")).isEqualTo("MainnetGeth");
    assertThat(WorkloadAlerts.camel("1st-node")).isEqualTo("N1stNode");
  }
}
