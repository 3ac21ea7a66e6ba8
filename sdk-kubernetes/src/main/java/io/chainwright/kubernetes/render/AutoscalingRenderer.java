package io.chainwright.kubernetes.render;

import io.chainwright.api.Workload;
import io.chainwright.api.policy.Autoscaler;
import io.chainwright.api.policy.ScalingMetric;
import io.chainwright.api.policy.VerticalScaling;
import io.chainwright.api.policy.VerticalScalingMode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders horizontal autoscalers (autoscaling/v2) and vertical pod autoscalers. */
final class AutoscalingRenderer {
  static final String VPA_API = "autoscaling.k8s.io/v1";

  private AutoscalingRenderer() {}

  static void render(RenderContext ctx) {
    for (Autoscaler a : ctx.network().autoscalers()) {
      Workload w = ctx.network().workload(a.workload()).orElseThrow();
      ctx.add(Tier.AUTOSCALING, new HorizontalPodAutoscalerBuilder()
          .withMetadata(ctx.meta(w.name(), w))
          .withNewSpec()
          .withNewScaleTargetRef().withApiVersion("apps/v1").withKind(controllerKind(w)).withName(w.name()).endScaleTargetRef()
          .withMinReplicas(a.minReplicas())
          .withMaxReplicas(a.maxReplicas())
          .withMetrics(a.metrics().stream().map(AutoscalingRenderer::metric).toList())
          .endSpec()
          .build());
    }
    for (VerticalScaling v : ctx.network().verticalScaling()) {
      Workload w = ctx.network().workload(v.workload()).orElseThrow();
      ctx.add(Tier.AUTOSCALING, verticalAutoscaler(ctx, w, v));
    }
  }

  static String controllerKind(Workload w) {
    return switch (w.kind()) {
      case STATEFUL -> "StatefulSet";
      case STATELESS -> "Deployment";
      case DAEMON -> "DaemonSet";
      case JOB -> "Job";
      case CRON_JOB -> "CronJob";
    };
  }

  private static MetricSpec metric(ScalingMetric m) {
    MetricSpecBuilder b = new MetricSpecBuilder();
    return switch (m.source()) {
      case RESOURCE -> b.withType("Resource")
          .withNewResource().withName(m.name())
          .withNewTarget().withType("Utilization").withAverageUtilization(m.targetUtilization().orElseThrow()).endTarget()
          .endResource().build();
      case PODS -> b.withType("Pods")
          .withNewPods().withNewMetric().withName(m.name()).endMetric()
          .withNewTarget().withType("AverageValue").withAverageValue(new Quantity(m.targetAverageValue().orElseThrow())).endTarget()
          .endPods().build();
      case EXTERNAL -> b.withType("External")
          .withNewExternal().withNewMetric().withName(m.name())
          .withSelector(m.selector().isEmpty() ? null
              : new io.fabric8.kubernetes.api.model.LabelSelectorBuilder().withMatchLabels(RenderContext.sortedOrNull(m.selector())).build())
          .endMetric()
          .withNewTarget().withType("AverageValue").withAverageValue(new Quantity(m.targetAverageValue().orElseThrow())).endTarget()
          .endExternal().build();
    };
  }

  /** Recommendations only, or applied by recreating pods: the mode every VPA release supports. */
  private static io.fabric8.kubernetes.api.model.GenericKubernetesResource verticalAutoscaler(
      RenderContext ctx, Workload w, VerticalScaling v) {
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("containerName", "*");
    bounds(v.minCpu(), v.minMemory()).ifPresent(b -> policy.put("minAllowed", b));
    bounds(v.maxCpu(), v.maxMemory()).ifPresent(b -> policy.put("maxAllowed", b));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("targetRef", RenderContext.fields("apiVersion", "apps/v1", "kind", controllerKind(w), "name", w.name()));
    spec.put("updatePolicy", RenderContext.fields("updateMode", v.mode() == VerticalScalingMode.APPLY ? "Recreate" : "Off"));
    if (policy.size() > 1) {
      spec.put("resourcePolicy", RenderContext.fields("containerPolicies", List.of(policy)));
    }
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(VPA_API)
        .withKind("VerticalPodAutoscaler")
        .withMetadata(ctx.meta(w.name(), w))
        .withAdditionalProperties(RenderContext.fields("spec", spec))
        .build();
  }

  private static Optional<Map<String, String>> bounds(Optional<String> cpu, Optional<String> memory) {
    Map<String, String> b = new LinkedHashMap<>();
    cpu.ifPresent(c -> b.put("cpu", c));
    memory.ifPresent(m -> b.put("memory", m));
    return b.isEmpty() ? Optional.empty() : Optional.of(b);
  }

}
