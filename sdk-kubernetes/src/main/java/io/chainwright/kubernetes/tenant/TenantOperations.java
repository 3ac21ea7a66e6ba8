package io.chainwright.kubernetes.tenant;

import io.chainwright.api.Network;
import io.chainwright.api.UsageException;
import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.tenant.Tenancy;
import io.chainwright.kubernetes.KubernetesBackend;
import io.chainwright.kubernetes.cluster.DeployReport;
import io.chainwright.kubernetes.render.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A tenant's life on a cluster, each step idempotent and reporting what it changed: onboard (apply
 * its networks as placed), change plan (onboard again with the new plan), suspend (scale to zero and
 * pause cron jobs, keeping every volume), resume, offboard (delete its networks, keeping volumes
 * unless asked), and read its quota use.
 *
 * <pre>{@code
 * TenantOperations ops = new TenantOperations(KubernetesBackend.create());
 * ops.onboard(tenancy, "acme");
 * ops.suspend(tenancy, "acme");   // e.g. an unpaid invoice: nothing runs, nothing is lost
 * }</pre>
 */
public final class TenantOperations {
  /** Where a suspended workload keeps the replica count it had, for resume. */
  public static final String SUSPENDED_REPLICAS = OwnershipLabels.PREFIX + "suspended-replicas";
  /** Marks a cron job that suspend paused, so that resume does not start one its owner paused. */
  public static final String SUSPENDED = OwnershipLabels.PREFIX + "suspended";

  private final KubernetesBackend backend;

  public TenantOperations(KubernetesBackend backend) {
    this.backend = backend;
  }

  /** Applies each of the tenant's networks as the tenancy places them; one report per network, by name. */
  public Map<String, DeployReport> onboard(Tenancy tenancy, String tenant) {
    Map<String, DeployReport> reports = new LinkedHashMap<>();
    networks(tenancy, tenant).forEach(n -> reports.put(n.name(), backend.deploy(n).report()));
    return reports;
  }

  /** Scales every workload of the tenant to zero and pauses its cron jobs; volumes and data stay. Returns what changed. */
  public List<String> suspend(Tenancy tenancy, String tenant) {
    KubernetesClient client = backend.client();
    List<String> changed = new ArrayList<>();
    for (Network n : networks(tenancy, tenant)) {
      scaleDown(client.apps().statefulSets(), n, s -> s.getSpec().getReplicas(), (s, r) -> s.getSpec().setReplicas(r), changed);
      scaleDown(client.apps().deployments(), n, d -> d.getSpec().getReplicas(), (d, r) -> d.getSpec().setReplicas(r), changed);
      for (CronJob c : owned(client.batch().v1().cronjobs(), n)) {
        if (!Boolean.TRUE.equals(c.getSpec().getSuspend())) {
          client.batch().v1().cronjobs().inNamespace(n.namespace()).withName(name(c)).edit(live -> {
            withAnnotation(live, SUSPENDED, "true");
            live.getSpec().setSuspend(true);
            return live;
          });
          changed.add(describe(c) + ": paused");
        }
      }
    }
    return changed;
  }

  /** Undoes {@link #suspend}: each workload back to the replicas it had, each cron job it paused running again. */
  public List<String> resume(Tenancy tenancy, String tenant) {
    KubernetesClient client = backend.client();
    List<String> changed = new ArrayList<>();
    for (Network n : networks(tenancy, tenant)) {
      scaleUp(client.apps().statefulSets(), n, (s, r) -> s.getSpec().setReplicas(r), changed);
      scaleUp(client.apps().deployments(), n, (d, r) -> d.getSpec().setReplicas(r), changed);
      for (CronJob c : owned(client.batch().v1().cronjobs(), n)) {
        if (annotation(c, SUSPENDED) != null) {
          client.batch().v1().cronjobs().inNamespace(n.namespace()).withName(name(c)).edit(live -> {
            withAnnotation(live, SUSPENDED, null);
            live.getSpec().setSuspend(false);
            return live;
          });
          changed.add(describe(c) + ": running again");
        }
      }
    }
    return changed;
  }

  private static <T extends HasMetadata> void scaleDown(MixedOperation<T, ? extends KubernetesResourceList<T>, ? extends Resource<T>> op,
      Network n, Function<T, Integer> replicasOf, BiConsumer<T, Integer> setReplicas, List<String> changed) {
    for (T workload : owned(op, n)) {
      int replicas = replicasOf.apply(workload) == null ? 1 : replicasOf.apply(workload);
      if (replicas > 0) {
        op.inNamespace(n.namespace()).withName(name(workload)).edit(live -> {
          withAnnotation(live, SUSPENDED_REPLICAS, Integer.toString(replicas));
          setReplicas.accept(live, 0);
          return live;
        });
        changed.add(describe(workload) + ": " + replicas + " -> 0 replicas");
      }
    }
  }

  private static <T extends HasMetadata> void scaleUp(MixedOperation<T, ? extends KubernetesResourceList<T>, ? extends Resource<T>> op,
      Network n, BiConsumer<T, Integer> setReplicas, List<String> changed) {
    for (T workload : owned(op, n)) {
      String saved = annotation(workload, SUSPENDED_REPLICAS);
      if (saved != null) {
        op.inNamespace(n.namespace()).withName(name(workload)).edit(live -> {
          withAnnotation(live, SUSPENDED_REPLICAS, null);
          setReplicas.accept(live, Integer.parseInt(saved));
          return live;
        });
        changed.add(describe(workload) + ": 0 -> " + saved + " replicas");
      }
    }
  }

  /** The network's objects of one kind, found by the ownership labels. */
  private static <T extends HasMetadata> List<T> owned(MixedOperation<T, ? extends KubernetesResourceList<T>, ? extends Resource<T>> op,
      Network n) {
    return op.inNamespace(n.namespace()).withLabels(Labels.ownedSelector(n.name())).list().getItems();
  }

  /** Deletes the tenant's networks; persistent volumes stay unless {@code teardown} says otherwise. Returns what was deleted. */
  public List<String> offboard(Tenancy tenancy, String tenant, Teardown teardown) {
    List<String> deleted = new ArrayList<>();
    networks(tenancy, tenant).forEach(n -> deleted.addAll(backend.destroy(n, teardown)));
    return deleted;
  }

  /** Quota use in each of the tenant's namespaces, as the cluster last counted it. */
  public List<QuotaUse> quotaUse(Tenancy tenancy, String tenant) {
    KubernetesClient client = backend.client();
    List<QuotaUse> uses = new ArrayList<>();
    for (Network n : networks(tenancy, tenant)) {
      for (ResourceQuota q : owned(client.resourceQuotas(), n)) {
        Map<String, String> hard = new TreeMap<>();
        Map<String, String> used = new TreeMap<>();
        if (q.getStatus() != null) {
          if (q.getStatus().getHard() != null) {
            q.getStatus().getHard().forEach((k, v) -> hard.put(k, v.toString()));
          }
          if (q.getStatus().getUsed() != null) {
            q.getStatus().getUsed().forEach((k, v) -> used.put(k, v.toString()));
          }
        }
        uses.add(new QuotaUse(n.namespace(), hard, used));
      }
    }
    return uses;
  }

  private static List<Network> networks(Tenancy tenancy, String tenant) {
    if (tenancy.tenants().stream().noneMatch(t -> t.name().equals(tenant))) {
      throw new UsageException("'" + tenant + "' is not a tenant of this tenancy (tenants: "
          + tenancy.tenants().stream().map(t -> t.name()).toList() + ")");
    }
    return tenancy.networks().stream().filter(n -> tenant.equals(n.labels().get(OwnershipLabels.TENANT))).toList();
  }

  private static String name(HasMetadata o) {
    return o.getMetadata().getName();
  }

  private static String describe(HasMetadata o) {
    return o.getKind().toLowerCase(Locale.ROOT) + " " + o.getMetadata().getNamespace() + "/" + name(o);
  }

  private static String annotation(HasMetadata o, String key) {
    return o.getMetadata().getAnnotations() == null ? null : o.getMetadata().getAnnotations().get(key);
  }

  /** Sets {@code key} to {@code value}, or removes it when {@code value} is null. */
  private static void withAnnotation(HasMetadata o, String key, String value) {
    Map<String, String> annotations = o.getMetadata().getAnnotations() == null
        ? new TreeMap<>() : new TreeMap<>(o.getMetadata().getAnnotations());
    if (value == null) {
      annotations.remove(key);
    } else {
      annotations.put(key, value);
    }
    o.getMetadata().setAnnotations(annotations);
  }
}
