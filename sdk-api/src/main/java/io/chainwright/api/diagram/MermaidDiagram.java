package io.chainwright.api.diagram;

import io.chainwright.api.Container;
import io.chainwright.api.DataVolume;
import io.chainwright.api.Dependency;
import io.chainwright.api.IngressExposure;
import io.chainwright.api.LoadBalancerExposure;
import io.chainwright.api.Network;
import io.chainwright.api.NodePortExposure;
import io.chainwright.api.Port;
import io.chainwright.api.Volume;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import java.util.Locale;

/**
 * Draws a network as a Mermaid flowchart: its workloads, their persistent volumes, the ports that
 * leave the network, and the order workloads start in.
 */
public final class MermaidDiagram {
  private static final String OUTSIDE = "outside";

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
    for (Workload w : network.workloads()) {
      out.append("    ").append(workloadNode(w)).append('\n');
      for (Volume v : w.volumes()) {
        if (v instanceof DataVolume data) {
          String vid = id("v", w.name() + "-" + data.name());
          out.append("    ").append(vid).append("[(\"").append(text(data.name() + " " + data.size()
              + data.storageClass().map(sc -> " · " + sc).orElse(""))).append("\")]\n");
          out.append("    ").append(id("w", w.name())).append(" --- ").append(vid).append('\n');
        }
      }
    }
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
      for (Dependency d : w.dependsOn()) {
        out.append("  ").append(id("w", d.workload())).append(" -.->|\"")
            .append(d.condition().name().toLowerCase(Locale.ROOT)).append("\"| ").append(id("w", w.name())).append('\n');
      }
    }
    return out.toString();
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
    if (p.exposure() instanceof IngressExposure ingress) {
      return base + " via https://" + ingress.host() + ingress.path();
    }
    if (p.exposure() instanceof NodePortExposure np) {
      return base + " node port" + np.nodePort().map(n -> " " + n).orElse("");
    }
    if (p.exposure() instanceof LoadBalancerExposure) {
      return base + " load balancer";
    }
    return base;
  }

  /** Mermaid ids: names are DNS labels, so only '-' needs care; a prefix keeps kinds apart. */
  private static String id(String prefix, String name) {
    return prefix + "_" + name.replace('-', '_');
  }

  /** Quotes would end a Mermaid label; its entity form keeps them. */
  private static String text(String s) {
    return s.replace("\"", "#quot;");
  }
}
