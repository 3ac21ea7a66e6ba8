package io.chainwright.ethereum;

import static io.chainwright.ethereum.common.WorkloadAlerts.camel;
import static io.chainwright.ethereum.common.WorkloadAlerts.rule;

import io.chainwright.api.policy.AlertInhibition;
import io.chainwright.api.policy.AlertRouting;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.AlertSeverity;
import java.util.List;

/**
 * Alert presets for a node: not synced, low peers, disk space low and block time lag, each labelled
 * {@code chain: ethereum} and with its client's workload, for routes to match.
 *
 * <p>"Not synced" follows the readiness the node's probes already report (a syncing client is
 * alive but not ready), as kube-state-metrics exports it; disk space comes from the kubelet's
 * volume statistics; the consensus client's head slot and peer count use the metric names every
 * beacon client shares. Series are matched by pod name, so they fit any namespace.
 */
final class NodeAlerts {
  /** A beacon node should gain 25 slots in five minutes; fewer than half means it is falling behind. */
  static final int MIN_SLOTS_PER_5M = 12;
  static final int MIN_EXECUTION_PEERS = 10;
  static final int MIN_CONSENSUS_PEERS = 20;
  static final double MIN_FREE_DISK = 0.10;

  private NodeAlerts() {}

  static List<AlertRule> presets(EthereumNode node) {
    String el = node.executionWorkload();
    String cl = node.consensusWorkload();
    String elPods = pods(el);
    String clPods = pods(cl);
    return List.of(
        rule(el, "NotSynced", "kube_pod_status_ready{condition=\"true\"," + elPods + "} == 0", "30m", AlertSeverity.CRITICAL,
            el + " has not been synced (ready) for 30 minutes"),
        rule(cl, "NotSynced", "kube_pod_status_ready{condition=\"true\"," + clPods + "} == 0", "30m", AlertSeverity.CRITICAL,
            cl + " has not been synced (ready) for 30 minutes"),
        rule(el, "LowPeers", node.execution().client().flags().peerMetric() + "{" + elPods + "} < " + MIN_EXECUTION_PEERS,
            "15m", AlertSeverity.WARNING, el + " has fewer than " + MIN_EXECUTION_PEERS + " peers"),
        rule(cl, "LowPeers", "libp2p_peers{" + clPods + "} < " + MIN_CONSENSUS_PEERS, "15m", AlertSeverity.WARNING,
            cl + " has fewer than " + MIN_CONSENSUS_PEERS + " peers"),
        rule(el, "DiskSpaceLow", freeDisk(el), "10m", AlertSeverity.CRITICAL,
            el + " has less than " + percent() + " of its data volume free"),
        rule(cl, "DiskSpaceLow", freeDisk(cl), "10m", AlertSeverity.CRITICAL,
            cl + " has less than " + percent() + " of its data volume free"),
        rule(cl, "BlockTimeLag", "delta(beacon_head_slot{" + clPods + "}[5m]) < " + MIN_SLOTS_PER_5M, "10m", AlertSeverity.WARNING,
            cl + "'s head gained fewer than " + MIN_SLOTS_PER_5M + " slots in five minutes"));
  }

  static List<AlertInhibition> inhibitions(EthereumNode node) {
    String el = camel(node.executionWorkload());
    String cl = camel(node.consensusWorkload());
    return List.of(inhibits(el + "NotSynced", el + "LowPeers"), inhibits(cl + "NotSynced", cl + "LowPeers"),
        inhibits(cl + "NotSynced", cl + "BlockTimeLag"));
  }

  private static AlertInhibition inhibits(String source, String target) {
    return AlertInhibition.builder().putSource("alertname", source).putTarget("alertname", target)
        .addEqual(AlertRouting.NETWORK_LABEL).build();
  }

  private static String pods(String workload) {
    return "pod=~\"" + workload + "-[0-9]+\"";
  }

  /** The stateful set's claims are named {@code data-<pod>}. */
  private static String freeDisk(String workload) {
    String claim = "persistentvolumeclaim=~\"data-" + workload + "-[0-9]+\"";
    return "kubelet_volume_stats_available_bytes{" + claim + "} / kubelet_volume_stats_capacity_bytes{" + claim + "} < " + MIN_FREE_DISK;
  }

  private static String percent() {
    return Math.round(MIN_FREE_DISK * 100) + "%";
  }
}
