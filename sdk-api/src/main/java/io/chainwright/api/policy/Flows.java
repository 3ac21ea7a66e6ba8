package io.chainwright.api.policy;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.volume.ConfigVolume;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The traffic a network needs, read from what its model already says, so that default deny breaks
 * nothing the network does: the {@code workload:port} addresses its containers are configured with
 * (arguments, environment, config files), what each workload declares it {@link Workload#reaches()},
 * and Prometheus scraping each metrics port. A flow between two workloads is allowed on both ends.
 * The isolation policy's own rules come first. Nothing is guessed from names.
 */
public final class Flows {
  /** {@code host:port}, where the host may be a workload's name or its first DNS label. */
  private static final Pattern ADDRESS = Pattern.compile("(?<![\\w.-])([a-z0-9][a-z0-9-]*)(?:\\.[a-z0-9-]+)*:(\\d{1,5})(?!\\d)");

  private Flows() {}

  /** Every flow {@code network} allows, without repeats, in a stable order. */
  public static List<IsolationRule> of(Network network) {
    Set<IsolationRule> flows = new LinkedHashSet<>(network.isolation().rules());
    for (Workload w : network.workloads()) {
      for (Reach reach : w.reaches()) {
        boolean workload = reach.peer().kind() == TrafficPeerKind.WORKLOAD;
        Optional<Workload> target = workload ? network.workload(reach.peer().name()) : Optional.empty();
        List<String> ports = target.map(t -> named(t, reach.ports())).orElse(reach.ports());
        // A workload of another network in this namespace is let in or not by that network's policies.
        TrafficPeer peer = workload && target.isEmpty() ? TrafficPeer.namespace(network.namespace()) : reach.peer();
        flows.add(IsolationRule.builder().workload(w.name()).direction(TrafficDirection.EGRESS).peer(peer).ports(ports).build());
        target.ifPresent(t -> flows.add(IsolationRule.builder().workload(t.name()).direction(TrafficDirection.INGRESS)
            .peer(TrafficPeer.workload(w.name())).ports(ports).build()));
      }
      for (String text : texts(w)) {
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
          int number = Integer.parseInt(m.group(2));
          String target = m.group(1);
          // P2P serves TCP and UDP on one number: an address of a peer means both.
          network.workload(target).stream().flatMap(t -> t.servingPorts().stream()).filter(p -> p.number() == number).forEach(port -> {
            flows.add(IsolationRule.allowOut(w.name(), TrafficPeer.workload(target), port.name()));
            flows.add(IsolationRule.allowInto(target, TrafficPeer.workload(w.name()), port.name()));
          });
        }
      }
      w.metrics().ifPresent(m -> flows.add(IsolationRule.allowInto(w.name(), TrafficPeer.monitoring(), m.port())));
    }
    return List.copyOf(flows);
  }

  /** Port numbers of a workload as its port names, which carry the protocol; unknown numbers stay as they are. */
  private static List<String> named(Workload target, List<String> ports) {
    return ports.stream().flatMap(port -> {
      List<String> names = target.servingPorts().stream().filter(p -> String.valueOf(p.number()).equals(port)).map(Port::name).toList();
      return names.isEmpty() ? Stream.of(port) : names.stream();
    }).toList();
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
