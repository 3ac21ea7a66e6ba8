package io.chainwright.kubernetes.render;

import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.MigLayout;
import io.chainwright.api.policy.MigStrategy;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the GPU policy as the NVIDIA GPU Operator's cluster policy and its MIG layouts as the
 * config map the MIG manager reads (in the format of NVIDIA's mig-parted tool).
 */
final class GpuRenderer {
  static final String OPERATOR_API = "nvidia.com/v1";
  static final String CLUSTER_POLICY = "ClusterPolicy";
  /** The key under which the MIG manager looks for its layouts. */
  static final String MIG_CONFIG_KEY = "config.yaml";

  private GpuRenderer() {}

  static void render(RenderContext ctx) {
    ctx.network().gpu().ifPresent(gpu -> {
      if (!gpu.migLayouts().isEmpty()) {
        ctx.add(Tier.CONFIG, new ConfigMapBuilder()
            // The operator reads the map from its own namespace, not the network's.
            .withMetadata(ctx.sharedMeta(gpu.migConfigMapName(), gpu.operatorNamespace()))
            .withData(Map.of(MIG_CONFIG_KEY, migPartedYaml(gpu)))
            .build());
      }
      if (gpu.managePolicy()) {
        ctx.add(Tier.CONFIG, clusterPolicy(ctx, gpu));
      }
    });
  }

  /** The layouts in mig-parted's format: {@code version: v1} and one list of device groups per layout. */
  static String migPartedYaml(GpuPolicy gpu) {
    StringBuilder y = new StringBuilder("version: v1\nmig-configs:\n");
    for (MigLayout layout : gpu.migLayouts()) {
      y.append("  ").append(layout.name()).append(":\n");
      y.append("    - devices: ").append(layout.devices()).append('\n');
      y.append("      mig-enabled: ").append(layout.migEnabled()).append('\n');
      if (layout.migEnabled()) {
        y.append("      mig-devices:\n");
        layout.slices().forEach((profile, count) -> y.append("        \"").append(profile).append("\": ").append(count).append('\n'));
      }
    }
    return y.toString();
  }

  private static GenericKubernetesResource clusterPolicy(RenderContext ctx, GpuPolicy gpu) {
    Map<String, Object> driver = RenderContext.fields("enabled", gpu.driver());
    gpu.driverVersion().ifPresent(version -> driver.put("version", version));
    Map<String, Object> dcgmExporter = RenderContext.fields("enabled", gpu.dcgmExporter());
    if (gpu.dcgmExporter()) {
      dcgmExporter.put("serviceMonitor", RenderContext.fields("enabled", gpu.dcgmServiceMonitor()));
    }
    boolean mig = gpu.migStrategy() != MigStrategy.NONE;
    Map<String, Object> migManager = RenderContext.fields("enabled", mig);
    if (mig && !gpu.migLayouts().isEmpty()) {
      Map<String, Object> config = RenderContext.fields("name", gpu.migConfigMapName());
      gpu.defaultMigLayout().ifPresent(d -> config.put("default", d));
      migManager.put("config", config);
    }
    // Every section the operator's schema requires is written, even where its defaults are kept.
    Map<String, Object> spec = RenderContext.fields(
        "operator", RenderContext.fields(),
        "daemonsets", RenderContext.fields(),
        "driver", driver,
        "toolkit", RenderContext.fields("enabled", gpu.toolkit()),
        "devicePlugin", RenderContext.fields("enabled", true),
        "dcgm", RenderContext.fields("enabled", gpu.dcgmExporter()),
        "dcgmExporter", dcgmExporter,
        "gfd", RenderContext.fields("enabled", true),
        "nodeStatusExporter", RenderContext.fields("enabled", false),
        "migManager", migManager,
        "validator", RenderContext.fields());
    if (mig) {
      spec.put("mig", RenderContext.fields("strategy", gpu.migStrategy().name().toLowerCase(Locale.ROOT)));
    }
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(OPERATOR_API)
        .withKind(CLUSTER_POLICY)
        // There is one policy per cluster; naming it after the network shows which network applied it.
        .withMetadata(ctx.sharedMeta(ctx.derivedName("gpu", ctx.network().name() + "-gpu-policy"), null))
        .withAdditionalProperties(RenderContext.fields("spec", spec))
        .build();
  }
}
