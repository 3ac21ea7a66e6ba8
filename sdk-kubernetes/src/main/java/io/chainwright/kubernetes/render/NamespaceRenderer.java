package io.chainwright.kubernetes.render;

import io.chainwright.api.SecurityLevel;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders the namespace with the network's labels and the strictest Pod Security level its
 * workloads meet, enforced, so the cluster refuses anything weaker added by hand.
 */
final class NamespaceRenderer {
  private NamespaceRenderer() {}

  static void render(RenderContext ctx) {
    Map<String, String> labels = Labels.owned(ctx.network());
    labels.put("pod-security.kubernetes.io/enforce", SecurityLevel.of(ctx.network()).label());
    ctx.add(Tier.NAMESPACES, new NamespaceBuilder()
        .withNewMetadata()
        .withName(ctx.namespace())
        .withLabels(RenderContext.sortedOrNull(labels))
        .withAnnotations(RenderContext.sortedOrNull(ctx.network().annotations()))
        .endMetadata()
        .build());
  }

  /**
   * A Namespace for each namespace other than the network's own that its objects are placed in
   * (such as the GPU operator's): shared, so that applying creates it where missing and no network
   * ever deletes it, and without Pod Security labels, which are its owner's to set.
   */
  static void renderOthers(RenderContext ctx) {
    new TreeSet<>(ctx.objects().stream().map(o -> o.object().getMetadata().getNamespace())
        .filter(ns -> ns != null && !ns.equals(ctx.namespace())).toList())
        .forEach(ns -> ctx.add(Tier.NAMESPACES, new NamespaceBuilder().withMetadata(RenderContext.clusterSharedMeta(ns)).build()));
  }
}
