package io.chainwright.kubernetes.render;

import io.chainwright.api.Container;
import io.chainwright.api.DeviceVolume;
import io.chainwright.api.Seccomp;
import io.chainwright.api.SecurityContext;
import io.chainwright.api.Workload;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders the namespace with the network's labels and the strictest Pod Security level its
 * workloads meet, enforced, so the cluster refuses anything weaker added by hand.
 */
final class NamespaceRenderer {
  private static final Set<String> RESTRICTED_CAPABILITIES = Set.of("NET_BIND_SERVICE");
  private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
      "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

  private NamespaceRenderer() {}

  static void render(RenderContext ctx) {
    Map<String, String> labels = Labels.owned(ctx.network());
    labels.put("pod-security.kubernetes.io/enforce", level(ctx));
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

  /** {@code restricted}, {@code baseline} or {@code privileged}: the strictest level every pod of the network passes. */
  static String level(RenderContext ctx) {
    boolean baseline = true;
    boolean restricted = true;
    for (Workload w : ctx.network().workloads()) {
      if (w.volumes().stream().anyMatch(DeviceVolume.class::isInstance)) {
        baseline = false;
      }
      for (Container c : w.allContainers()) {
        SecurityContext s = c.security();
        if (s.privileged() || s.seccomp() == Seccomp.UNCONFINED || !BASELINE_CAPABILITIES.containsAll(s.capabilities())) {
          baseline = false;
        }
        if (!s.runAsNonRoot() || s.allowPrivilegeEscalation() || s.seccomp() != Seccomp.RUNTIME_DEFAULT
            || !RESTRICTED_CAPABILITIES.containsAll(s.capabilities())) {
          restricted = false;
        }
      }
    }
    return !baseline ? "privileged" : restricted ? "restricted" : "baseline";
  }
}
