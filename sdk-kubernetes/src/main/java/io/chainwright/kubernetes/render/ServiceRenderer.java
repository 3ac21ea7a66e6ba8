package io.chainwright.kubernetes.render;

import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.exposure.GatewayExposure;
import io.chainwright.api.exposure.IngressExposure;
import io.chainwright.api.exposure.InternalExposure;
import io.chainwright.api.exposure.LoadBalancerExposure;
import io.chainwright.api.exposure.NodePortExposure;
import io.chainwright.api.exposure.TrafficPolicy;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the services of a workload: a cluster address for internal, ingress and metrics ports; a
 * headless service for stateful replicas and peer discovery; node ports grouped by traffic policy;
 * and one load balancer per port, since each can carry its own annotations.
 */
final class ServiceRenderer {
  private ServiceRenderer() {}

  static String headlessName(Workload w) {
    return w.name() + "-headless";
  }

  static void render(RenderContext ctx, Workload w) {
    List<Port> ports = w.servingPorts();
    String path = "workloads[" + w.name() + "]";

    Set<Port> clusterIp = new LinkedHashSet<>();
    for (Port p : ports) {
      if (p.exposure() instanceof InternalExposure internal && !internal.headless() || p.exposure().publicHost().isPresent()) {
        clusterIp.add(p);
      }
    }
    w.metrics().flatMap(m -> w.port(m.port())).ifPresent(clusterIp::add);
    if (!clusterIp.isEmpty()) {
      Map<String, String> labels = Labels.workload(ctx.network(), w);
      if (w.metrics().isPresent()) {
        labels.put(Labels.SCRAPE, "true");
      }
      ctx.add(Tier.SERVICES, new ServiceBuilder()
          .withMetadata(ctx.meta(w.name(), labels, Map.of()))
          .withNewSpec()
          .withType("ClusterIP")
          .withSelector(Labels.selector(ctx.network(), w))
          .withPorts(clusterIp.stream().map(ServiceRenderer::servicePort).toList())
          .endSpec()
          .build());
    }

    List<Port> internal = ports.stream().filter(p -> p.exposure() instanceof InternalExposure).toList();
    boolean headless = internal.stream().anyMatch(p -> ((InternalExposure) p.exposure()).headless());
    if (w.kind() == WorkloadKind.STATEFUL || headless) {
      ctx.add(Tier.SERVICES, new ServiceBuilder()
          .withMetadata(ctx.meta(ctx.derivedName(path, headlessName(w)), w))
          .withNewSpec()
          .withClusterIP("None")
          // Peers must find each other while they are still syncing, long before they are ready.
          .withPublishNotReadyAddresses(true)
          .withSelector(Labels.selector(ctx.network(), w))
          .withPorts(RenderContext.listOrNull(internal.stream().map(ServiceRenderer::servicePort).toList()))
          .endSpec()
          .build());
    }

    for (TrafficPolicy policy : TrafficPolicy.values()) {
      List<Port> nodePorts = ports.stream()
          .filter(p -> p.exposure() instanceof NodePortExposure np && np.trafficPolicy() == policy).toList();
      if (nodePorts.isEmpty()) {
        continue;
      }
      String name = w.name() + (policy == TrafficPolicy.LOCAL ? "-nodeport" : "-nodeport-cluster");
      ctx.add(Tier.SERVICES, new ServiceBuilder()
          .withMetadata(ctx.meta(ctx.derivedName(path, name), w))
          .withNewSpec()
          .withType("NodePort")
          .withExternalTrafficPolicy(trafficPolicy(policy))
          .withSelector(Labels.selector(ctx.network(), w))
          .withPorts(nodePorts.stream().map(p -> {
            ServicePort sp = servicePort(p);
            ((NodePortExposure) p.exposure()).nodePort().ifPresent(sp::setNodePort);
            return sp;
          }).toList())
          .endSpec()
          .build());
    }

    for (Port p : ports) {
      if (p.exposure() instanceof LoadBalancerExposure lb) {
        String name = ctx.derivedName(path + ".ports[" + p.name() + "]", w.name() + "-" + p.name());
        ctx.add(Tier.SERVICES, new ServiceBuilder()
            .withMetadata(ctx.meta(name, Labels.workload(ctx.network(), w), lb.annotations()))
            .withNewSpec()
            .withType("LoadBalancer")
            .withExternalTrafficPolicy(trafficPolicy(lb.trafficPolicy()))
            .withLoadBalancerSourceRanges(RenderContext.listOrNull(new ArrayList<>(lb.sourceRanges())))
            .withSelector(Labels.selector(ctx.network(), w))
            .withPorts(servicePort(p))
            .endSpec()
            .build());
      }
      if (p.exposure() instanceof IngressExposure ingress) {
        IngressRenderer.render(ctx, w, p, ingress);
      }
      if (p.exposure() instanceof GatewayExposure gateway) {
        RouteRenderer.render(ctx, w, p, gateway);
      }
    }
  }

  private static String trafficPolicy(TrafficPolicy policy) {
    return policy == TrafficPolicy.LOCAL ? "Local" : "Cluster";
  }

  /** TCP and UDP on the same number stay separate entries, each named after its model port. */
  private static ServicePort servicePort(Port p) {
    return new ServicePortBuilder()
        .withName(p.name())
        .withPort(p.number())
        .withTargetPort(new IntOrString(p.name()))
        .withProtocol(p.protocol().name())
        .build();
  }
}
