package io.chainwright.kubernetes.render;

import io.chainwright.api.Port;
import io.chainwright.api.Protocol;
import io.chainwright.api.Workload;
import io.chainwright.api.policy.Flows;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.TrafficDirection;
import io.chainwright.api.policy.TrafficPeer;
import io.chainwright.api.policy.TrafficPeerKind;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Renders isolation: deny everything, allow DNS whenever egress is restricted (or nothing
 * resolves), let traffic reach the ports the model publishes outside the network (or publishing
 * them would be pointless), then one policy per workload and direction with the flows the network
 * needs. A namespace opened by name gets only the policy's own rules. Under Cilium, outside hosts
 * are allowed by name instead, by {@link CiliumPolicyRenderer}.
 *
 * <p>The deny and DNS policies cover the whole namespace, so every network in it renders them alike
 * and shares them: tearing one network down must not open the namespace for the others.
 */
final class NetworkPolicyRenderer {
  static final String DEFAULT_DENY = "default-deny";
  static final String ALLOW_DNS = "allow-dns";

  private NetworkPolicyRenderer() {}

  static void render(RenderContext ctx) {
    IsolationPolicy policy = ctx.network().isolation();
    boolean deny = policy.deniesByDefault(ctx.namespace());
    List<IsolationRule> all = deny ? Flows.of(ctx.network()) : policy.rules();
    // Cilium can allow an outside host by name; a plain NetworkPolicy only by address.
    Predicate<IsolationRule> byName = r -> policy.cilium() && r.peer().kind() == TrafficPeerKind.HOST;
    List<IsolationRule> flows = all.stream().filter(byName.negate()).toList();
    LabelSelector everyPod = new LabelSelector();
    if (deny) {
      ctx.add(Tier.POLICY, new NetworkPolicyBuilder()
          .withMetadata(ctx.sharedMeta(DEFAULT_DENY, ctx.namespace()))
          .withNewSpec().withPodSelector(everyPod).withPolicyTypes("Ingress", "Egress").endSpec()
          .build());
    }
    boolean egressRestricted = deny || flows.stream().anyMatch(r -> r.direction() == TrafficDirection.EGRESS);
    if (egressRestricted && policy.allowDnsEgress()) {
      ctx.add(Tier.POLICY, new NetworkPolicyBuilder()
          .withMetadata(ctx.sharedMeta(ALLOW_DNS, ctx.namespace()))
          .withNewSpec()
          .withPodSelector(everyPod)
          .withPolicyTypes("Egress")
          .addNewEgress()
          .withTo(new NetworkPolicyPeerBuilder()
              .withNamespaceSelector(matching(Map.of("kubernetes.io/metadata.name", "kube-system")))
              .withPodSelector(matching(Map.of("k8s-app", "kube-dns")))
              .build())
          .withPorts(numbered(53, List.of(Protocol.UDP, Protocol.TCP)))
          .endEgress()
          .endSpec()
          .build());
    }
    if (deny) {
      for (Workload w : ctx.network().workloads()) {
        List<Port> published = w.servingPorts().stream().filter(p -> p.exposure().leavesNetwork()).toList();
        if (!published.isEmpty()) {
          ctx.add(Tier.POLICY, new NetworkPolicyBuilder()
              .withMetadata(ctx.meta(ctx.derivedName("workloads[" + w.name() + "]", w.name() + "-allow-published"), w))
              .withNewSpec()
              .withPodSelector(matching(Labels.selector(ctx.network(), w)))
              .withPolicyTypes("Ingress")
              .addNewIngress()
              .withFrom(RenderContext.listOrNull(policy.publishedFrom().stream().map(peer -> peer(ctx, peer)).toList()))
              .withPorts(published.stream().map(NetworkPolicyRenderer::named).toList())
              .endIngress()
              .endSpec()
              .build());
        }
      }
    }
    for (Workload w : ctx.network().workloads()) {
      List<IsolationRule> in = rules(flows, w, TrafficDirection.INGRESS);
      List<IsolationRule> out = rules(flows, w, TrafficDirection.EGRESS);
      String path = "isolation.rules[" + w.name() + "]";
      if (!in.isEmpty()) {
        ctx.add(Tier.POLICY, new NetworkPolicyBuilder()
            .withMetadata(ctx.meta(ctx.derivedName(path, w.name() + "-allow-ingress"), w))
            .withNewSpec()
            .withPodSelector(matching(Labels.selector(ctx.network(), w)))
            .withPolicyTypes("Ingress")
            .withIngress(in.stream().map(r -> new NetworkPolicyIngressRuleBuilder()
                .withFrom(peer(ctx, r.peer()))
                .withPorts(RenderContext.listOrNull(ports(r.ports(), w)))
                .build()).toList())
            .endSpec()
            .build());
      }
      if (!out.isEmpty()) {
        ctx.add(Tier.POLICY, new NetworkPolicyBuilder()
            .withMetadata(ctx.meta(ctx.derivedName(path, w.name() + "-allow-egress"), w))
            .withNewSpec()
            .withPodSelector(matching(Labels.selector(ctx.network(), w)))
            .withPolicyTypes("Egress")
            .withEgress(out.stream().map(r -> new NetworkPolicyEgressRuleBuilder()
                .withTo(peer(ctx, r.peer()))
                .withPorts(RenderContext.listOrNull(ports(r.ports(),
                    r.peer().kind() == TrafficPeerKind.WORKLOAD ? ctx.network().workload(r.peer().name()).orElse(null) : null)))
                .build()).toList())
            .endSpec()
            .build());
      }
    }
    CiliumPolicyRenderer.render(ctx, all.stream().filter(byName).toList());
  }

  private static List<IsolationRule> rules(List<IsolationRule> flows, Workload w, TrafficDirection direction) {
    return flows.stream().filter(r -> r.workload().equals(w.name()) && r.direction() == direction).toList();
  }

  private static NetworkPolicyPeer peer(RenderContext ctx, TrafficPeer peer) {
    return switch (peer.kind()) {
      case WORKLOAD -> new NetworkPolicyPeerBuilder().withPodSelector(matching(Labels.selector(ctx.network(), peer.name()))).build();
      case NAMESPACE -> new NetworkPolicyPeerBuilder()
          .withNamespaceSelector(matching(Map.of("kubernetes.io/metadata.name", peer.name()))).build();
      case MONITORING -> new NetworkPolicyPeerBuilder()
          .withNamespaceSelector(matching(Map.of(Labels.MONITORING_NAMESPACE, "true"))).build();
      case CIDR -> new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(peer.name()).endIpBlock().build();
      // A NetworkPolicy cannot name a host: its port is let out to every address.
      case HOST -> new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr("0.0.0.0/0").endIpBlock().build();
    };
  }

  /**
   * Names are looked up on the workload that owns them, to carry the right protocol. A bare number
   * names no protocol, and peer-to-peer traffic uses the same number on both, so it allows both.
   */
  private static List<NetworkPolicyPort> ports(List<String> ports, Workload owner) {
    List<NetworkPolicyPort> result = new ArrayList<>();
    for (String port : ports) {
      if (port.matches("\\d{1,5}")) {
        result.addAll(numbered(Integer.parseInt(port), List.of(Protocol.TCP, Protocol.UDP)));
      } else {
        Protocol protocol = owner == null ? Protocol.TCP : owner.port(port).map(Port::protocol).orElse(Protocol.TCP);
        result.add(new NetworkPolicyPortBuilder().withPort(new IntOrString(port)).withProtocol(protocol.name()).build());
      }
    }
    return result;
  }

  private static NetworkPolicyPort named(Port p) {
    return new NetworkPolicyPortBuilder().withPort(new IntOrString(p.name())).withProtocol(p.protocol().name()).build();
  }

  private static List<NetworkPolicyPort> numbered(int number, List<Protocol> protocols) {
    return protocols.stream()
        .map(p -> new NetworkPolicyPortBuilder().withPort(new IntOrString(number)).withProtocol(p.name()).build())
        .toList();
  }

  private static LabelSelector matching(Map<String, String> labels) {
    return new LabelSelectorBuilder().withMatchLabels(RenderContext.sortedOrNull(labels)).build();
  }
}
