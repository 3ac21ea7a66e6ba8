package io.chainwright.kubernetes.render;

import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a whole network into typed Kubernetes objects, tier by tier; pure, with no I/O but resolving secret values. */
public final class NetworkRenderer {
  private final RenderOptions options;

  public NetworkRenderer(RenderOptions options) {
    this.options = options;
  }

  /**
   * Every object of {@code network}, in tier order and, within a tier, in the order of the model.
   *
   * @throws io.chainwright.api.ValidationException when a derived name is too long or two parts of the model render clashing objects
   */
  public List<RenderedObject> render(Network network) {
    RenderContext ctx = new RenderContext(network, options);
    NamespaceRenderer.render(ctx);
    QuotaRenderer.render(ctx);
    NetworkPolicyRenderer.render(ctx);
    StorageRenderer.render(ctx);
    SecretRenderer.render(ctx);
    AccessRenderer.render(ctx);
    GpuRenderer.render(ctx);
    // Before the routes that attach to it.
    GatewayRenderer.render(ctx);
    for (Workload w : network.workloads()) {
      ConfigRenderer.render(ctx, w);
      ServiceRenderer.render(ctx, w);
      WorkloadRenderer.render(ctx, w);
    }
    MonitoringRenderer.render(ctx);
    AutoscalingRenderer.render(ctx);
    BackupRenderer.render(ctx);
    NamespaceRenderer.renderOthers(ctx);
    List<RenderedObject> objects = withoutDuplicates(ctx);
    ctx.violations().throwIfAny();
    List<RenderedObject> sorted = new ArrayList<>(objects);
    sorted.sort(Comparator.comparing(RenderedObject::tier));
    return List.copyOf(sorted);
  }

  /** Two parts may need the same object (two backups sharing a snapshot class); the same object twice is kept once, two different ones are an error. */
  private static List<RenderedObject> withoutDuplicates(RenderContext ctx) {
    Map<String, RenderedObject> byIdentity = new LinkedHashMap<>();
    for (RenderedObject o : ctx.objects()) {
      String key = o.object().getApiVersion() + "/" + o.describe();
      RenderedObject previous = byIdentity.putIfAbsent(key, o);
      if (previous != null && !same(previous.object(), o.object())) {
        ctx.violations().add(o.describe() + " is rendered twice with different content; rename one of the parts it comes from");
      }
    }
    return new ArrayList<>(byIdentity.values());
  }

  private static boolean same(HasMetadata a, HasMetadata b) {
    return a.equals(b);
  }

}
