package io.chainwright.kubernetes.render;

import io.chainwright.api.CronSchedule;
import io.chainwright.api.DisruptionBudget;
import io.chainwright.api.UpdateStrategy;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.volume.AccessMode;
import io.chainwright.api.volume.DataVolume;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders each workload as the controller its kind calls for, with its claims and disruption budget. */
final class WorkloadRenderer {
  private WorkloadRenderer() {}

  static void render(RenderContext ctx, Workload w) {
    PodTemplateSpec pod = PodRenderer.render(ctx, w);
    ObjectMeta meta = ctx.meta(w.name(), Labels.workload(ctx.network(), w), w.annotations());
    LabelSelector selector = new LabelSelectorBuilder().withMatchLabels(Labels.selector(ctx.network(), w)).build();
    // An autoscaler owns the replica count; writing it here would undo its decisions on every apply.
    Integer replicas = ctx.network().autoscalers().stream().anyMatch(a -> a.workload().equals(w.name())) ? null : w.replicas();
    Optional<UpdateStrategy> update = w.updateStrategy();
    switch (w.kind()) {
      case STATEFUL -> ctx.add(Tier.WORKLOADS, new StatefulSetBuilder()
          .withMetadata(meta)
          .withNewSpec()
          .withServiceName(ServiceRenderer.headlessName(w))
          .withReplicas(replicas)
          // Chain nodes do not need their predecessors running: start and replace replicas in parallel.
          .withPodManagementPolicy("Parallel")
          .withSelector(selector)
          .withTemplate(pod)
          .withNewUpdateStrategy()
          .withType("RollingUpdate")
          .withNewRollingUpdate()
          .withPartition(update.flatMap(UpdateStrategy::partition).orElse(null))
          .withMaxUnavailable(update.flatMap(UpdateStrategy::maxUnavailable).map(WorkloadRenderer::intOrPercent).orElse(null))
          .endRollingUpdate()
          .endUpdateStrategy()
          .withVolumeClaimTemplates(RenderContext.listOrNull(dataVolumes(w).stream()
              .map(v -> claimTemplate(ctx, w, v)).toList()))
          .endSpec()
          .build());
      case STATELESS -> {
        claims(ctx, w);
        ctx.add(Tier.WORKLOADS, new DeploymentBuilder()
            .withMetadata(meta)
            .withNewSpec()
            .withReplicas(replicas)
            .withSelector(selector)
            .withTemplate(pod)
            .withStrategy(update.map(u -> new io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder()
                .withType("RollingUpdate")
                .withNewRollingUpdate()
                .withMaxUnavailable(u.maxUnavailable().map(WorkloadRenderer::intOrPercent).orElse(null))
                .withMaxSurge(u.maxSurge().map(WorkloadRenderer::intOrPercent).orElse(null))
                .endRollingUpdate()
                .build()).orElse(null))
            .endSpec()
            .build());
      }
      case DAEMON -> {
        claims(ctx, w);
        ctx.add(Tier.WORKLOADS, new DaemonSetBuilder()
            .withMetadata(meta)
            .withNewSpec()
            .withSelector(selector)
            .withTemplate(pod)
            .withUpdateStrategy(update.map(u -> new io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategyBuilder()
                .withType("RollingUpdate")
                .withNewRollingUpdate()
                .withMaxUnavailable(u.maxUnavailable().map(WorkloadRenderer::intOrPercent).orElse(null))
                .withMaxSurge(u.maxSurge().map(WorkloadRenderer::intOrPercent).orElse(null))
                .endRollingUpdate()
                .build()).orElse(null))
            .endSpec()
            .build());
      }
      case JOB -> {
        claims(ctx, w);
        ctx.add(Tier.WORKLOADS, new JobBuilder()
            .withMetadata(meta)
            .withNewSpec()
            .withTemplate(pod)
            .endSpec()
            .build());
      }
      case CRON_JOB -> {
        claims(ctx, w);
        CronSchedule cron = w.cron().orElseThrow();
        ctx.add(Tier.WORKLOADS, new CronJobBuilder()
            .withMetadata(meta)
            .withNewSpec()
            .withSchedule(cron.schedule())
            .withConcurrencyPolicy(switch (cron.concurrency()) {
              case ALLOW -> "Allow";
              case FORBID -> "Forbid";
              case REPLACE -> "Replace";
            })
            .withNewJobTemplate()
            .withNewMetadata().withLabels(RenderContext.sortedOrNull(Labels.workload(ctx.network(), w))).endMetadata()
            .withNewSpec().withTemplate(pod).endSpec()
            .endJobTemplate()
            .endSpec()
            .build());
      }
    }
    w.disruptionBudget().ifPresent(b -> ctx.add(Tier.POLICY, disruptionBudget(ctx, w, b, selector)));
  }

  static List<DataVolume> dataVolumes(Workload w) {
    return w.volumes().stream().filter(DataVolume.class::isInstance).map(DataVolume.class::cast).toList();
  }

  /** The claim a non-stateful workload's pods share for {@code volume}. */
  static String claimName(Workload w, DataVolume volume) {
    return w.name() + "-" + volume.name();
  }

  private static void claims(RenderContext ctx, Workload w) {
    for (DataVolume v : dataVolumes(w)) {
      String name = ctx.derivedName("workloads[" + w.name() + "].volumes[" + v.name() + "]", claimName(w, v));
      ctx.add(Tier.STORAGE, new PersistentVolumeClaimBuilder()
          .withMetadata(ctx.meta(name, claimLabels(ctx, w, v), Map.of()))
          .withSpec(claimSpec(v))
          .build());
    }
  }

  private static PersistentVolumeClaim claimTemplate(RenderContext ctx, Workload w, DataVolume v) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName(v.name()).withLabels(RenderContext.sortedOrNull(claimLabels(ctx, w, v))).endMetadata()
        .withSpec(claimSpec(v))
        .build();
  }

  private static Map<String, String> claimLabels(RenderContext ctx, Workload w, DataVolume v) {
    Map<String, String> labels = Labels.workload(ctx.network(), w);
    labels.put(Labels.KEEP_ON_DELETE, Boolean.toString(v.keepOnDelete()));
    return labels;
  }

  private static io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec claimSpec(DataVolume v) {
    return new io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpecBuilder()
        .withAccessModes(accessMode(v.accessMode()))
        .withStorageClassName(v.storageClass().orElse(null))
        .withNewResources().withRequests(Map.of("storage", new Quantity(v.size()))).endResources()
        .build();
  }

  static String accessMode(AccessMode mode) {
    return switch (mode) {
      case READ_WRITE_ONCE -> "ReadWriteOnce";
      case READ_WRITE_ONCE_POD -> "ReadWriteOncePod";
      case READ_ONLY_MANY -> "ReadOnlyMany";
      case READ_WRITE_MANY -> "ReadWriteMany";
    };
  }

  private static io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget disruptionBudget(
      RenderContext ctx, Workload w, DisruptionBudget b, LabelSelector selector) {
    return new PodDisruptionBudgetBuilder()
        .withMetadata(ctx.meta(w.name(), w))
        .withNewSpec()
        .withMinAvailable(b.minAvailable().map(WorkloadRenderer::intOrPercent).orElse(null))
        .withMaxUnavailable(b.maxUnavailable().map(WorkloadRenderer::intOrPercent).orElse(null))
        .withSelector(selector)
        .endSpec()
        .build();
  }

  /** A count as a number, a percentage as a string: Kubernetes reads the two differently. */
  static IntOrString intOrPercent(String value) {
    return value.endsWith("%") ? new IntOrString(value) : new IntOrString(Integer.parseInt(value));
  }

  static boolean isStateful(Workload w) {
    return w.kind() == WorkloadKind.STATEFUL;
  }
}
