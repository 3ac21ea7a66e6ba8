package io.chainwright.kubernetes.render;

import io.chainwright.api.Resources;
import io.chainwright.api.SecurityContext;
import io.chainwright.api.policy.BackupPolicy;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;
import java.util.Map;

/**
 * Renders scheduled backups: the snapshot class, and a cron job that snapshots every data volume
 * of the named workloads and then deletes all but the newest snapshots of each volume. The job
 * gets its own service account, allowed to do exactly that in this namespace and nothing more.
 */
final class BackupRenderer {
  static final String SNAPSHOT_API = "snapshot.storage.k8s.io/v1";
  /** Labels each snapshot with its backup and claim, so retention counts per volume. */
  static final String BACKUP_LABEL = "chainwright.io/backup";
  static final String CLAIM_LABEL = "chainwright.io/claim";

  /** The job's script; every value comes from its environment, so the text is the same for every backup. */
  static final String SCRIPT = """
      set -eu
      stamp=$(date -u +%Y%m%d%H%M%S)
      claims=$(kubectl get pvc -n "$NAMESPACE" -l "chainwright.io/network=$NETWORK,chainwright.io/workload in ($WORKLOADS)" \\
        -o jsonpath='{.items[*].metadata.name}')
      for claim in $claims; do
        kubectl create -n "$NAMESPACE" -f - <<EOF
      apiVersion: snapshot.storage.k8s.io/v1
      kind: VolumeSnapshot
      metadata:
        name: $claim-$stamp
        labels:
          chainwright.io/network: $NETWORK
          chainwright.io/backup: $BACKUP
          chainwright.io/claim: $claim
      spec:
        volumeSnapshotClassName: $SNAPSHOT_CLASS
        source:
          persistentVolumeClaimName: $claim
      EOF
        kubectl get volumesnapshot -n "$NAMESPACE" -l "chainwright.io/backup=$BACKUP,chainwright.io/claim=$claim" \\
          --sort-by=.metadata.creationTimestamp -o name \\
          | awk -v keep="$RETAIN" '{ names[NR] = $0 } END { for (i = 1; i <= NR - keep; i++) print names[i] }' \\
          | xargs -r kubectl delete -n "$NAMESPACE"
      done
      """;

  private BackupRenderer() {}

  static String name(BackupPolicy b) {
    return "backup-" + b.name();
  }

  static void render(RenderContext ctx) {
    for (BackupPolicy b : ctx.network().backups()) {
      String name = ctx.derivedName("backups[" + b.name() + "]", name(b));
      if (!b.snapshotDriver().isEmpty()) {
        ctx.add(Tier.BACKUPS, new GenericKubernetesResourceBuilder()
            .withApiVersion(SNAPSHOT_API)
            .withKind("VolumeSnapshotClass")
            .withMetadata(RenderContext.clusterSharedMeta(b.snapshotClass()))
            .withAdditionalProperties(RenderContext.fields("driver", b.snapshotDriver(), "deletionPolicy", "Retain"))
            .build());
      }
      ctx.add(Tier.RBAC, new ServiceAccountBuilder().withMetadata(ctx.meta(name)).build());
      ctx.add(Tier.RBAC, new RoleBuilder()
          .withMetadata(ctx.meta(name))
          .withRules(
              new PolicyRuleBuilder().withApiGroups("").withResources("persistentvolumeclaims").withVerbs("get", "list").build(),
              new PolicyRuleBuilder().withApiGroups("snapshot.storage.k8s.io").withResources("volumesnapshots")
                  .withVerbs("get", "list", "create", "delete").build())
          .build());
      ctx.add(Tier.RBAC, new RoleBindingBuilder()
          .withMetadata(ctx.meta(name))
          .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(name).endRoleRef()
          .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace(ctx.namespace()).endSubject()
          .build());
      ctx.add(Tier.BACKUPS, cronJob(ctx, b, name));
    }
  }

  private static io.fabric8.kubernetes.api.model.batch.v1.CronJob cronJob(RenderContext ctx, BackupPolicy b, String name) {
    var container = new ContainerBuilder()
        .withName("backup")
        .withImage(ctx.options().backupImage())
        .withCommand("sh", "-c", SCRIPT)
        .addNewEnv().withName("NAMESPACE").withValue(ctx.namespace()).endEnv()
        .addNewEnv().withName("NETWORK").withValue(ctx.network().name()).endEnv()
        .addNewEnv().withName("WORKLOADS").withValue(String.join(",", b.workloads())).endEnv()
        .addNewEnv().withName("BACKUP").withValue(b.name()).endEnv()
        .addNewEnv().withName("SNAPSHOT_CLASS").withValue(b.snapshotClass()).endEnv()
        .addNewEnv().withName("RETAIN").withValue(Integer.toString(b.retain())).endEnv()
        // kubectl keeps a cache under its home; the root file system is read-only.
        .addNewEnv().withName("HOME").withValue("/tmp").endEnv()
        .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
        .withSecurityContext(ContainerRenderer.security(SecurityContext.restricted()))
        // kubectl listing claims and creating snapshots: small, but with room for a large namespace's lists.
        .withResources(ContainerRenderer.resources(Resources.of("50m", "500m", "64Mi", "256Mi")))
        .build();
    Map<String, String> labels = Labels.owned(ctx.network());
    labels.put(BACKUP_LABEL, b.name());
    return new CronJobBuilder()
        .withMetadata(ctx.meta(name, labels, Map.of()))
        .withNewSpec()
        .withSchedule(b.schedule().schedule())
        .withConcurrencyPolicy("Forbid")
        .withNewJobTemplate()
        .withNewMetadata().withLabels(RenderContext.sortedOrNull(labels)).endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withNewMetadata().withLabels(RenderContext.sortedOrNull(labels)).endMetadata()
        .withNewSpec()
        .withServiceAccountName(name)
        .withRestartPolicy("OnFailure")
        .withNewSecurityContext().withRunAsNonRoot(true).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
        .withContainers(List.of(container))
        .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .endJobTemplate()
        .endSpec()
        .build();
  }
}
