package io.chainwright.kubernetes.cluster;

import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Port;
import io.chainwright.api.Protocol;
import io.chainwright.api.UsageException;
import io.chainwright.api.Workload;
import io.chainwright.kubernetes.render.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Opens port-forwards from loopback on this machine to ready pods, one per workload port, and closes them together. */
final class PortForwards implements AutoCloseable {
  private final Cluster cluster;
  private final Network network;
  private final Map<String, LocalPortForward> open = new LinkedHashMap<>();

  PortForwards(Cluster cluster, Network network) {
    this.cluster = cluster;
    this.network = network;
  }

  /** An address on loopback that reaches {@code port} of a ready replica of {@code workload}; opened once, then reused. */
  synchronized URI endpoint(String workloadName, String portName) {
    Workload workload = network.workload(workloadName).orElseThrow(() -> new UsageException(
        "'" + workloadName + "' is not a workload of network " + network.name() + " (workloads: "
            + network.workloads().stream().map(Workload::name).collect(Collectors.joining(", ")) + ")"));
    Port port = workload.port(portName).orElseThrow(() -> new UsageException(
        "'" + portName + "' is not a port of workload " + workloadName));
    if (port.protocol() != Protocol.TCP) {
      throw new UsageException("Port " + workloadName + "/" + portName + " is " + port.protocol()
          + "; a Kubernetes port-forward carries TCP only");
    }
    String key = workloadName + "/" + portName;
    LocalPortForward forward = open.get(key);
    if (forward == null || !forward.isAlive()) {
      forward = openTo(workload, port);
      open.put(key, forward);
    }
    return URI.create("http://" + forward.getLocalAddress().getHostAddress() + ":" + forward.getLocalPort());
  }

  private LocalPortForward openTo(Workload workload, Port port) {
    String subject = "workload " + network.namespace() + "/" + workload.name();
    List<Pod> pods = cluster.retrying().call("list", new Failures.Target("Pod", "pods", network.namespace(), workload.name() + " pods"),
        () -> cluster.client().pods().inNamespace(network.namespace()).withLabels(Labels.selector(network, workload)).list().getItems());
    Pod ready = pods.stream().filter(PortForwards::isReady).min(Comparator.comparing(p -> p.getMetadata().getName()))
        .orElseThrow(() -> new PlatformException("port-forward to", subject, "no ready pod" + (pods.isEmpty() ? " exists"
            : " among " + pods.stream().map(p -> p.getMetadata().getName() + " (" + phase(p) + ")").collect(Collectors.joining(", ")))));
    try {
      return cluster.client().pods().inNamespace(network.namespace()).withName(ready.getMetadata().getName())
          .portForward(port.number(), InetAddress.getLoopbackAddress(), 0);
    } catch (RuntimeException e) {
      throw new PlatformException("port-forward to", "pod " + network.namespace() + "/" + ready.getMetadata().getName(), e.getMessage(), e);
    }
  }

  static boolean isReady(Pod p) {
    return p.getStatus() != null && "Running".equals(p.getStatus().getPhase()) && p.getStatus().getConditions() != null
        && p.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String phase(Pod p) {
    return p.getStatus() == null || p.getStatus().getPhase() == null ? "no status" : p.getStatus().getPhase();
  }

  @Override
  public synchronized void close() {
    for (LocalPortForward forward : open.values()) {
      try {
        forward.close();
      } catch (IOException e) {
        // Closing a forward that already broke has nothing left to release.
      }
    }
    open.clear();
  }
}
