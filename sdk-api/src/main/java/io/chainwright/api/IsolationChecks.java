package io.chainwright.api;

import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.policy.TrafficDirection;
import io.chainwright.api.policy.TrafficPeerKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The isolation checks that need the whole network: rules and reaches name workloads and ports it
 * has, and namespaces are left open only by name, and only ones the network uses.
 */
final class IsolationChecks {
  private final Network network;
  private final Violations v;
  private final Map<String, Workload> workloads;

  IsolationChecks(Network network, Violations v, Map<String, Workload> workloads) {
    this.network = network;
    this.v = v;
    this.workloads = workloads;
  }

  void run() {
    network.isolation().rules().forEach(this::checkRule);
    workloads.values().forEach(w -> w.reaches().forEach(reach -> checkReach(w, reach)));
    checkOpenNamespaces();
  }

  private void checkRule(IsolationRule rule) {
    Violations at = v.in("isolation").in("rules", rule.workload());
    Optional<Workload> target = exists(at, rule.workload());
    Optional<Workload> peer = rule.peer().kind() == TrafficPeerKind.WORKLOAD ? exists(at.in("peer"), rule.peer().name()) : Optional.empty();
    boolean ingress = rule.direction() == TrafficDirection.INGRESS;
    if (ingress && rule.peer().kind() == TrafficPeerKind.HOST) {
      at.add("peer", "a host name is only reached; let traffic in from an address range instead");
    }
    checkPorts(at, rule.ports(), ingress ? target : peer, ingress || rule.peer().kind() == TrafficPeerKind.WORKLOAD,
        "egress to " + rule.peer());
  }

  /** A reach may name a workload of another network in the same namespace; only this network's ports are checked by name. */
  private void checkReach(Workload w, Reach reach) {
    boolean workload = reach.peer().kind() == TrafficPeerKind.WORKLOAD;
    Optional<Workload> target = workload ? Optional.ofNullable(workloads.get(reach.peer().name())) : Optional.empty();
    checkPorts(v.in("workloads", w.name()).in("reaches", String.valueOf(reach.peer())), reach.ports(), target, workload,
        "a reach of " + reach.peer());
  }

  /** Ports are numbers, or names of {@code owner}'s ports where the peer is a workload. */
  private static void checkPorts(Violations at, List<String> ports, Optional<Workload> owner, boolean namesAllowed, String what) {
    for (String port : ports) {
      Violations pv = at.in("ports", String.valueOf(port));
      if (port == null) {
        pv.add("is required");
      } else if (port.matches("\\d{1,9}")) {
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65535) {
          pv.add(number + " is not a port (1-65535)");
        }
      } else if (owner.isPresent() && owner.get().port(port).isEmpty()) {
        pv.add("'" + port + "' is not a port of workload " + owner.get().name());
      } else if (!namesAllowed) {
        pv.add(what + " needs port numbers, not names");
      }
    }
  }

  /**
   * A namespace is opened by name, on purpose, and only one the network uses: its own, or the GPU
   * Operator's, where its MIG layouts go. That one must be opened: the operator's own pods there
   * reach the API server, whose address no NetworkPolicy can name.
   */
  private void checkOpenNamespaces() {
    Optional<String> operator = network.gpu().filter(gpu -> !gpu.migLayouts().isEmpty()).map(GpuPolicy::operatorNamespace);
    Set<String> used = new TreeSet<>();
    Optional.ofNullable(network.namespace()).ifPresent(used::add);
    operator.ifPresent(used::add);
    Violations at = v.in("isolation");
    network.isolation().openNamespaces().stream().filter(ns -> !used.contains(ns)).forEach(ns ->
        at.in("openNamespaces", ns).add("the network uses no namespace '" + ns + "' (it uses " + used + ")"));
    operator.filter(ns -> network.isolation().deniesByDefault(ns)).ifPresent(ns ->
        at.add("openNamespaces", "open the GPU Operator's namespace, where the MIG layouts go, by name: IsolationPolicy.leaveOpen(\""
            + ns + "\"); default deny there would cut the operator's own pods off from the API server"));
  }

  private Optional<Workload> exists(Violations at, String name) {
    return NetworkChecks.workloadIn(workloads, at, name);
  }
}
