package io.chainwright.api.diagram;

import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.policy.Flows;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.TrafficDirection;
import io.chainwright.api.policy.TrafficPeerKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who talks to whom in a network: the {@link Flows} between two of its workloads, which come from
 * what the model already says (isolation rules, declared reaches, and the {@code workload:port}
 * addresses its containers are configured with). Nothing is guessed from names.
 */
final class Connections {
  /** One workload reaching another on a named port. */
  record Link(String from, String to, String port) implements Comparable<Link> {
    @Override
    public int compareTo(Link o) {
      int c = from.compareTo(o.from);
      c = c != 0 ? c : to.compareTo(o.to);
      return c != 0 ? c : port.compareTo(o.port);
    }
  }

  private Connections() {}

  /** Every link between two different workloads of {@code network}, in a stable order. */
  static Set<Link> of(Network network) {
    Set<Link> links = new TreeSet<>();
    Flows.of(network).forEach(rule -> links.addAll(fromRule(network, rule)));
    links.removeIf(l -> l.from().equals(l.to()));
    return links;
  }

  /** The flows a rule allows between two workloads of the network; none for other peers. */
  private static List<Link> fromRule(Network network, IsolationRule rule) {
    if (rule.peer().kind() != TrafficPeerKind.WORKLOAD) {
      return List.of();
    }
    boolean out = rule.direction() == TrafficDirection.EGRESS;
    String from = out ? rule.workload() : rule.peer().name();
    String to = out ? rule.peer().name() : rule.workload();
    Optional<Workload> target = network.workload(to);
    if (target.isEmpty() || network.workload(from).isEmpty()) {
      return List.of();
    }
    List<String> ports = rule.ports().isEmpty() ? List.of("any port") : rule.ports().stream().map(p -> portName(target.get(), p)).toList();
    return ports.stream().map(p -> new Link(from, to, p)).toList();
  }

  /** A rule names a port by name or number; the picture always shows the name. */
  private static String portName(Workload target, String port) {
    return target.servingPorts().stream().filter(p -> String.valueOf(p.number()).equals(port)).map(Port::name).findFirst().orElse(port);
  }
}
