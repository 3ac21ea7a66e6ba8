package io.chainwright.api.diagram;

import io.chainwright.api.ConfigVolume;
import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.TrafficDirection;
import io.chainwright.api.policy.TrafficPeerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who talks to whom in a network, read from what the model already says: the flows its isolation
 * rules allow between workloads, and the {@code workload:port} addresses its containers are
 * configured with (arguments, environment and config files). Nothing is guessed from names.
 */
final class Connections {
  /** {@code host:port}, where the host may be a workload's name or its first DNS label. */
  private static final Pattern ADDRESS = Pattern.compile("(?<![\\w.-])([a-z0-9][a-z0-9-]*)(?:\\.[a-z0-9-]+)*:(\\d{1,5})(?!\\d)");

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
    network.isolation().ifPresent(policy -> policy.rules().forEach(rule -> links.addAll(fromRule(network, rule))));
    for (Workload w : network.workloads()) {
      texts(w).forEach(text -> fromAddresses(network, w, text, links));
    }
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

  private static void fromAddresses(Network network, Workload w, String text, Set<Link> links) {
    Matcher m = ADDRESS.matcher(text);
    while (m.find()) {
      Optional<Workload> target = network.workload(m.group(1));
      if (target.isEmpty()) {
        continue;
      }
      int number = Integer.parseInt(m.group(2));
      target.get().servingPorts().stream().filter(p -> p.number() == number).findFirst()
          .ifPresent(p -> links.add(new Link(w.name(), target.get().name(), p.name())));
    }
  }

  /** A rule names a port by name or number; the picture always shows the name. */
  private static String portName(Workload target, String port) {
    return target.servingPorts().stream().filter(p -> String.valueOf(p.number()).equals(port)).map(Port::name).findFirst().orElse(port);
  }

  /** Everything a workload's containers are configured with that could hold another's address. */
  private static List<String> texts(Workload w) {
    List<String> texts = new ArrayList<>();
    for (Container c : w.allContainers()) {
      texts.addAll(c.command());
      texts.addAll(c.args());
      c.env().stream().map(EnvVar::value).flatMap(Optional::stream).forEach(texts::add);
    }
    w.volumes().stream().filter(ConfigVolume.class::isInstance).map(ConfigVolume.class::cast)
        .forEach(config -> texts.addAll(config.files().values()));
    return texts;
  }
}
