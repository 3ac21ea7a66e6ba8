package io.chainwright.api.diagram;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.diagram.Connections.Link;
import io.chainwright.api.exposure.GatewayExposure;
import io.chainwright.api.exposure.IngressExposure;
import io.chainwright.api.exposure.InternalExposure;
import io.chainwright.api.exposure.LoadBalancerExposure;
import io.chainwright.api.exposure.NodePortExposure;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.Volume;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Draws a network as a Mermaid flowchart: its workloads (in a box per
 * {@linkplain OwnershipLabels#GROUP group}), their persistent volumes, the ports that leave the
 * network, who reaches whom on which port, and the order workloads start in.
 *
 * <p>Solid arrows are traffic, from the network's isolation rules and from the
 * {@code workload:port} addresses its containers are configured with. An arrow into a box stands
 * for every workload in it that offers the port; an arrow out of a box for every workload in it
 * that reaches anything. Dotted arrows are start order.
 */
public final class MermaidDiagram {
  private static final String OUTSIDE = "outside";
  /** Orders a link's two ends, from then to. */
  private static final Comparator<List<String>> ENDS = Comparator.<List<String>, String>comparing(e -> e.get(0)).thenComparing(e -> e.get(1));

  private MermaidDiagram() {}

  /** The flowchart text for {@code network}, stable for the same network. */
  public static String of(Network network) {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    boolean exposed = network.workloads().stream()
        .flatMap(w -> w.allContainers().stream()).flatMap(c -> c.ports().stream())
        .anyMatch(p -> p.exposure().leavesNetwork());
    if (exposed) {
      out.append("  ").append(OUTSIDE).append("((\"outside\"))\n");
    }
    out.append("  subgraph ").append(id("net", network.name())).append("[\"")
        .append(text("network " + network.name() + " · namespace " + network.namespace())).append("\"]\n");
    Map<String, List<String>> groups = groups(network);
    for (Workload w : network.workloads()) {
      if (group(w).isEmpty()) {
        workload(out, "    ", w);
      }
    }
    groups.forEach((group, members) -> {
      out.append("    subgraph ").append(id("g", group)).append("[\"").append(text(group)).append("\"]\n");
      members.forEach(name -> workload(out, "      ", network.workload(name).orElseThrow()));
      out.append("    end\n");
    });
    out.append("  end\n");
    for (Workload w : network.workloads()) {
      for (Container c : w.allContainers()) {
        for (Port p : c.ports()) {
          if (p.exposure().leavesNetwork()) {
            out.append("  ").append(OUTSIDE).append(" -->|\"").append(text(portLabel(p))).append("\"| ")
                .append(id("w", w.name())).append('\n');
          }
        }
      }
    }
    traffic(out, LinkGroups.fold(Connections.of(network), groups, portNames(network)));
    for (Workload w : network.workloads()) {
      for (Dependency d : w.dependsOn()) {
        out.append("  ").append(id("w", d.workload())).append(" -.->|\"")
            .append(d.condition().name().toLowerCase(Locale.ROOT)).append("\"| ").append(id("w", w.name())).append('\n');
      }
    }
    return out.toString();
  }

  /** A workload's node and its persistent volumes, each tied to it. */
  private static void workload(StringBuilder out, String indent, Workload w) {
    out.append(indent).append(workloadNode(w)).append('\n');
    for (Volume v : w.volumes()) {
      if (v instanceof DataVolume data) {
        String vid = id("v", w.name() + "-" + data.name());
        out.append(indent).append(vid).append("[(\"").append(text(data.name() + " " + data.size()
            + data.storageClass().map(sc -> " · " + sc).orElse(""))).append("\")]\n");
        out.append(indent).append(id("w", w.name())).append(" --- ").append(vid).append('\n');
      }
    }
  }

  /** One arrow per pair of ends, naming every port; two ends that reach each other on the same ports get one double arrow. */
  private static void traffic(StringBuilder out, Set<Link> links) {
    Map<List<String>, Set<String>> ports = new TreeMap<>(ENDS);
    links.forEach(l -> ports.computeIfAbsent(List.of(l.from(), l.to()), k -> new TreeSet<>()).add(l.port()));
    Set<List<String>> drawn = new TreeSet<>(ENDS);
    ports.forEach((ends, names) -> {
      List<String> reverse = List.of(ends.get(1), ends.get(0));
      if (drawn.contains(reverse)) {
        return;
      }
      boolean both = names.equals(ports.get(reverse));
      out.append("  ").append(end(ends.get(0))).append(both ? " <-->|\"" : " -->|\"").append(text(String.join(", ", names)))
          .append("\"| ").append(end(ends.get(1))).append('\n');
      drawn.add(ends);
    });
  }

  private static String end(String end) {
    return end.startsWith(LinkGroups.GROUP) ? id("g", end.substring(LinkGroups.GROUP.length())) : id("w", end);
  }

  /** Group name to its workloads, in the order groups first appear. */
  private static Map<String, List<String>> groups(Network network) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    network.workloads().forEach(w -> group(w).ifPresent(g -> groups.computeIfAbsent(g, k -> new ArrayList<>()).add(w.name())));
    return groups;
  }

  private static Map<String, Set<String>> portNames(Network network) {
    Map<String, Set<String>> names = new LinkedHashMap<>();
    network.workloads().forEach(w -> names.put(w.name(), w.servingPorts().stream().map(Port::name).collect(Collectors.toSet())));
    return names;
  }

  private static Optional<String> group(Workload w) {
    return Optional.ofNullable(w.labels().get(OwnershipLabels.GROUP));
  }

  private static String workloadNode(Workload w) {
    String label = text(w.name() + " · " + w.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + (w.isLongRunning() && w.kind() != WorkloadKind.DAEMON ? " ×" + w.replicas() : ""));
    String node = id("w", w.name());
    return switch (w.kind()) {
      case STATEFUL -> node + "[\"" + label + "\"]";
      case STATELESS -> node + "(\"" + label + "\")";
      case JOB, CRON_JOB -> node + "[/\"" + label + "\"/]";
      case DAEMON -> node + "{{\"" + label + "\"}}";
    };
  }

  private static String portLabel(Port p) {
    String base = p.name() + " " + p.number() + "/" + p.protocol();
    return switch (p.exposure()) {
      case IngressExposure ingress -> base + " via https://" + ingress.host() + ingress.path();
      case GatewayExposure gw -> base + " via " + switch (gw.route()) {
        case HTTP -> "https://" + gw.host() + gw.path();
        case GRPC -> "grpcs://" + gw.host();
        case TLS_PASSTHROUGH -> "tls://" + gw.host();
        case TCP -> "tcp://" + gw.host() + gw.gatewayPort().map(n -> ":" + n).orElse("");
        case UDP -> "udp://" + gw.host() + gw.gatewayPort().map(n -> ":" + n).orElse("");
      };
      case NodePortExposure np -> base + " node port" + np.nodePort().map(n -> " " + n).orElse("");
      case LoadBalancerExposure lb -> base + " load balancer";
      case InternalExposure internal -> base;
    };
  }

  /** Mermaid ids: a prefix keeps kinds apart; names are DNS labels and groups label values, so few characters need care. */
  static String id(String prefix, String name) {
    return prefix + "_" + name.replaceAll("[^A-Za-z0-9_]", "_");
  }

  /** Quotes would end a Mermaid label; its entity form keeps them. */
  private static String text(String s) {
    return s.replace("\"", "#quot;");
  }
}
