package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.MonitoringPolicy;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Alert presets name the node's own pods and claims, with each client's peer metric. */
class NodeAlertsTest {
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
  void workloadNamesBecomeAlertNames() {
    assertThat(NodeAlerts.camel("mainnet-geth")).isEqualTo("MainnetGeth");
    assertThat(NodeAlerts.camel("1st-node")).isEqualTo("N1stNode");
  }
}
