package io.chainwright.kubernetes.render;

import io.chainwright.api.Gpu;
import io.chainwright.api.policy.TenantQuota;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import java.util.Map;
import java.util.TreeMap;

/** Renders a tenant quota as a ResourceQuota on totals and a LimitRange for containers that state no limits. */
final class QuotaRenderer {
  private QuotaRenderer() {}

  static void render(RenderContext ctx) {
    ctx.network().quota().ifPresent(q -> {
      Map<String, Quantity> hard = hard(q);
      if (!hard.isEmpty()) {
        ctx.add(Tier.POLICY, new ResourceQuotaBuilder()
            .withMetadata(ctx.meta("quota"))
            .withNewSpec().withHard(hard).endSpec()
            .build());
      }
      Map<String, Quantity> defaults = new TreeMap<>();
      q.defaultCpuLimit().ifPresent(c -> defaults.put("cpu", new Quantity(c)));
      q.defaultMemoryLimit().ifPresent(m -> defaults.put("memory", new Quantity(m)));
      Map<String, Quantity> defaultRequests = new TreeMap<>();
      q.defaultCpuRequest().ifPresent(c -> defaultRequests.put("cpu", new Quantity(c)));
      q.defaultMemoryRequest().ifPresent(m -> defaultRequests.put("memory", new Quantity(m)));
      if (!defaults.isEmpty() || !defaultRequests.isEmpty()) {
        ctx.add(Tier.POLICY, new LimitRangeBuilder()
            .withMetadata(ctx.meta("container-defaults"))
            .withNewSpec().addNewLimit().withType("Container")
            .withDefault(RenderContext.sortedOrNull(defaults)).withDefaultRequest(RenderContext.sortedOrNull(defaultRequests))
            .endLimit().endSpec()
            .build());
      }
    });
  }

  private static Map<String, Quantity> hard(TenantQuota q) {
    Map<String, Quantity> hard = new TreeMap<>();
    q.cpu().ifPresent(c -> hard.put("requests.cpu", new Quantity(c)));
    q.memory().ifPresent(m -> hard.put("requests.memory", new Quantity(m)));
    q.storage().ifPresent(s -> hard.put("requests.storage", new Quantity(s)));
    q.persistentVolumeClaims().ifPresent(n -> hard.put("persistentvolumeclaims", new Quantity(Integer.toString(n))));
    q.pods().ifPresent(n -> hard.put("pods", new Quantity(Integer.toString(n))));
    // Quotas on extended resources exist only as requests.
    q.gpus().ifPresent(n -> hard.put("requests." + Gpu.WHOLE_GPU, new Quantity(Integer.toString(n))));
    q.storageClassLimits().forEach((storageClass, size) ->
        hard.put(storageClass + ".storageclass.storage.k8s.io/requests.storage", new Quantity(size)));
    return hard;
  }
}
