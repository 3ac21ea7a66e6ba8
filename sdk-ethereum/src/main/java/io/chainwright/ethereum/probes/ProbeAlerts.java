package io.chainwright.ethereum.probes;

import static io.chainwright.ethereum.common.WorkloadAlerts.rule;

import io.chainwright.api.ScrapeTarget;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.AlertSeverity;
import io.chainwright.ethereum.EthereumNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Alerts on the blackbox exporter's own series for each probe: {@code probe_success} and
 * {@code probe_duration_seconds}, told apart by the {@code target} label of the scrape.
 */
final class ProbeAlerts {
  private ProbeAlerts() {}

  static List<AlertRule> rules(NodeProbes probes) {
    List<AlertRule> rules = new ArrayList<>();
    for (EthereumNode node : probes.nodes()) {
      execution(node.executionWorkload(), probes, rules);
      String cl = node.consensusWorkload();
      rules.add(rule(cl, "HealthFailing", failing(ProbeModule.CL_HEALTH.targetOf(cl)), "10m", AlertSeverity.CRITICAL,
          cl + "'s beacon API has not reported itself healthy for 10 minutes"));
      rules.add(rule(cl, "NoPeers", failing(ProbeModule.CL_PEERS.targetOf(cl)), "15m", AlertSeverity.WARNING,
          cl + "'s beacon API has reported no connected peer, or not answered, for 15 minutes"));
    }
    probes.rpcEndpoints().keySet().forEach(name -> execution(name, probes, rules));
    return rules;
  }

  /** The alerts on what an execution client's JSON-RPC answers, under {@code el}, its workload or endpoint name. */
  private static void execution(String el, NodeProbes probes, List<AlertRule> rules) {
    rules.add(rule(el, "RpcNotSynced", failing(ProbeModule.EL_SYNCED.targetOf(el)), "15m", AlertSeverity.WARNING,
        el + " has answered eth_syncing with sync progress, or not at all, for 15 minutes"));
    rules.add(rule(el, "RpcNoPeers", failing(ProbeModule.EL_PEERS.targetOf(el)), "15m", AlertSeverity.WARNING,
        el + " has answered net_peerCount with no peers, or not at all, for 15 minutes"));
    rules.add(rule(el, "RpcSlow", "probe_duration_seconds{" + target(ProbeModule.EL_SYNCED.targetOf(el)) + "} > "
        + probes.slowSeconds(), "10m", AlertSeverity.WARNING,
        el + " has taken more than " + probes.slowSeconds() + "s to answer for 10 minutes"));
  }

  private static String failing(String target) {
    return "probe_success{" + target(target) + "} == 0";
  }

  private static String target(String name) {
    return ScrapeTarget.LABEL + "=\"" + name + "\"";
  }
}
