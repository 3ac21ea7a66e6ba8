package io.chainwright.kubernetes.render;

import io.chainwright.api.Workload;
import io.chainwright.api.volume.ConfigVolume;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

/** Renders the config maps behind a workload's config volumes; they hold files that are never secret. */
final class ConfigRenderer {
  private ConfigRenderer() {}

  static String configMapName(Workload w, ConfigVolume v) {
    return w.name() + "-" + v.name();
  }

  static void render(RenderContext ctx, Workload w) {
    for (var volume : w.volumes()) {
      if (volume instanceof ConfigVolume config) {
        String name = ctx.derivedName("workloads[" + w.name() + "].volumes[" + config.name() + "]", configMapName(w, config));
        ctx.add(Tier.CONFIG, new ConfigMapBuilder()
            .withMetadata(ctx.meta(name, w))
            .withData(RenderContext.sortedOrNull(config.files()))
            .build());
      }
    }
  }
}
