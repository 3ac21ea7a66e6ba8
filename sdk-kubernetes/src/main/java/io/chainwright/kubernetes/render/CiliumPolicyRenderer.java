package io.chainwright.kubernetes.render;

import io.chainwright.api.Workload;
import io.chainwright.api.policy.IsolationRule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * Renders egress to outside hosts by name as Cilium network policies: each workload's hosts as
 * {@code toFQDNs} on their ports, and DNS lookups through Cilium's DNS proxy, which is how Cilium
 * learns the addresses a name stands for. Cilium enforces these beside the plain NetworkPolicies,
 * allowing what either allows.
 */
final class CiliumPolicyRenderer {
  static final String API = "cilium.io/v2";
  static final String KIND = "CiliumNetworkPolicy";

  private CiliumPolicyRenderer() {}

  /** {@code hostFlows}: egress rules whose peer is a host name. */
  static void render(RenderContext ctx, List<IsolationRule> hostFlows) {
    if (hostFlows.isEmpty()) {
      return;
    }
    // Cilium labels every pod with its namespace as io.kubernetes.pod.namespace.
    Map<String, Object> kubeDns = RenderContext.fields("matchLabels",
        RenderContext.fields("io.kubernetes.pod.namespace", "kube-system", "k8s-app", "kube-dns"));
    // Namespace-wide, like the plain DNS policy: shared by every network in the namespace.
    ctx.add(Tier.POLICY, policy(ctx.sharedMeta("allow-dns-by-name", ctx.namespace()), Map.of(), List.of(RenderContext.fields(
        "toEndpoints", List.of(kubeDns),
        "toPorts", List.of(RenderContext.fields(
            "ports", List.of(RenderContext.fields("port", "53", "protocol", "ANY")),
            "rules", RenderContext.fields("dns", List.of(RenderContext.fields("matchPattern", "*")))))))));
    for (Workload w : ctx.network().workloads()) {
      List<Map<String, Object>> egress = hostFlows.stream().filter(r -> r.workload().equals(w.name())).map(CiliumPolicyRenderer::egress).toList();
      if (!egress.isEmpty()) {
        String name = ctx.derivedName("isolation.rules[" + w.name() + "]", w.name() + "-allow-hosts");
        ctx.add(Tier.POLICY, policy(ctx.meta(name, w), RenderContext.fields("matchLabels", RenderContext.sortedOrNull(Labels.selector(ctx.network(), w))), egress));
      }
    }
  }

  /** One host on its ports; a port number names no protocol, so any protocol with ports matches. */
  private static Map<String, Object> egress(IsolationRule rule) {
    Map<String, Object> egress = RenderContext.fields("toFQDNs", List.of(RenderContext.fields("matchName", rule.peer().name())));
    if (!rule.ports().isEmpty()) {
      egress.put("toPorts", List.of(RenderContext.fields("ports",
          rule.ports().stream().map(port -> RenderContext.fields("port", port, "protocol", "ANY")).toList())));
    }
    return egress;
  }

  private static GenericKubernetesResource policy(ObjectMeta meta, Map<String, Object> selector,
      List<Map<String, Object>> egress) {
    return new GenericKubernetesResourceBuilder().withApiVersion(API).withKind(KIND).withMetadata(meta)
        .withAdditionalProperties(RenderContext.fields("spec", RenderContext.fields("endpointSelector", selector, "egress", egress)))
        .build();
  }
}
