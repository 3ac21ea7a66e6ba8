package io.chainwright.kubernetes.cluster;

import io.chainwright.api.Dependency;
import io.chainwright.api.DependencyCondition;
import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Teardown;
import io.chainwright.kubernetes.render.Labels;
import io.chainwright.kubernetes.render.RenderedObject;
import io.chainwright.kubernetes.render.Tier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the backend does to one network on one cluster: apply tier by tier (workloads in
 * dependency order), prune, plan, await, port-forward and tear down. The backend's public types
 * delegate here; use {@code KubernetesBackend} rather than this class.
 */
public final class NetworkOperations implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NetworkOperations.class);

  /**
   * The choices that shape how a network is deployed.
   *
   * @param mode how objects are written
   * @param retry how failed API calls are retried
   * @param prunePersistentVolumes whether claims and volumes the model dropped are deleted by prune
   * @param dependencyTimeout how long a workload waits for the workloads it depends on
   */
  public record Settings(ApplyMode mode, RetryPolicy retry, boolean prunePersistentVolumes, Duration dependencyTimeout) {}

  private final Network network;
  private final List<RenderedObject> rendering;
  private final Cluster cluster;
  private final Settings settings;
  private final PortForwards forwards;

  public NetworkOperations(KubernetesClient client, Network network, List<RenderedObject> rendering, Settings settings) {
    this.network = network;
    this.rendering = List.copyOf(rendering);
    this.cluster = new Cluster(client, settings.retry());
    this.settings = settings;
    this.forwards = new PortForwards(cluster, network);
  }

  /** Applies every tier in order, waiting between workloads as their dependencies say, then prunes what the model dropped. */
  public DeployReport deploy() {
    ServerRequirements.check(cluster.client(), network.name(), rendering);
    Applier applier = new Applier(cluster, settings.mode());
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    for (Tier tier : Tier.values()) {
      List<RenderedObject> batch = rendering.stream().filter(o -> o.tier() == tier).toList();
      if (batch.isEmpty()) {
        continue;
      }
      List<List<RenderedObject>> waves = tier == Tier.WORKLOADS ? waves(batch) : List.of(batch);
      for (List<RenderedObject> wave : waves) {
        if (tier == Tier.WORKLOADS) {
          awaitDependencies(wave);
        }
        applier.apply(wave).forEach((o, outcome) -> outcomes.put(o.describe(), outcome));
      }
      LOG.info("Applied {} ({} objects) of network {}", tier.directory(), batch.size(), network.name());
    }
    List<RenderedObject> orphans = Inventory.orphans(cluster, network.name(), network.namespace(), rendering, settings.prunePersistentVolumes());
    new Deleter(cluster).delete(orphans);
    orphans.forEach(o -> LOG.info("Pruned {}", o.describe()));
    return new DeployReport(outcomes, orphans.stream().map(RenderedObject::describe).toList());
  }

  /** What {@link #deploy()} would create, change and delete; reads only. */
  public Plan plan() {
    List<Plan.Change> changes = new ArrayList<>();
    for (RenderedObject o : rendering) {
      HasMetadata live = cluster.get(o.object());
      if (live == null) {
        changes.add(new Plan.Change(Plan.Action.CREATE, o.describe()));
      } else if (!Drift.upToDate(o.object(), live)) {
        changes.add(new Plan.Change(Plan.Action.CHANGE, o.describe()));
      }
    }
    Inventory.orphans(cluster, network.name(), network.namespace(), rendering, settings.prunePersistentVolumes())
        .forEach(o -> changes.add(new Plan.Change(Plan.Action.DELETE, o.describe())));
    return new Plan(changes);
  }

  /** Waits until every workload is ready, jobs complete, claims bound, load balancers addressed and custom resources present. */
  public void awaitReady(Duration timeout, ProgressListener listener) {
    new Awaiter(cluster).await(awaited(rendering), timeout, listener);
  }

  public URI endpoint(String workload, String port) {
    return forwards.endpoint(workload, port);
  }

  /**
   * Closes port-forwards and deletes what the network owns, newest tier first. Persistent claims,
   * local volumes, storage classes and the namespace stay unless {@code teardown} says otherwise;
   * the namespace goes only with every volume, because deleting it deletes everything inside.
   * What the network shares with the cluster (the GPU operator's policy) always stays.
   */
  public List<String> destroy(Teardown teardown) {
    forwards.close();
    // Everything is listed before anything is deleted, so a refused read deletes nothing.
    List<RenderedObject> owned = Inventory.owned(cluster, network.name(), network.namespace(), k -> true);
    List<RenderedObject> doomed = owned.stream().filter(o -> !Inventory.isShared(o.object()) && goesWith(o, teardown)).toList();
    return new Deleter(cluster).delete(doomed).stream().map(RenderedObject::describe).toList();
  }

  private static boolean goesWith(RenderedObject o, Teardown teardown) {
    boolean storage = o.tier() == Tier.STORAGE || o.tier() == Tier.NAMESPACES;
    return switch (teardown) {
      case KEEP_VOLUMES -> !storage;
      case DELETE_VOLUMES -> !storage || (o.object() instanceof PersistentVolumeClaim pvc
          && !"true".equals(pvc.getMetadata().getLabels() == null ? null : pvc.getMetadata().getLabels().get(Labels.KEEP_ON_DELETE)));
      case DELETE_ALL_VOLUMES -> true;
    };
  }

  @Override
  public void close() {
    forwards.close();
  }

  /**
   * The objects worth waiting on. A cron job's claim is left out: with a class that binds on first
   * use it stays pending until the schedule first fires, which may be hours away.
   */
  private List<HasMetadata> awaited(List<RenderedObject> objects) {
    return objects.stream()
        .filter(o -> !(o.object() instanceof PersistentVolumeClaim && network.workload(workloadOf(o))
            .map(w -> w.kind() == io.chainwright.api.WorkloadKind.CRON_JOB).orElse(false)))
        .map(RenderedObject::object).filter(Readiness::awaited).toList();
  }

  /** Splits the workload tier into waves: each holds the workloads whose dependencies are all in earlier waves. */
  private List<List<RenderedObject>> waves(List<RenderedObject> batch) {
    List<List<RenderedObject>> waves = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    List<RenderedObject> left = new ArrayList<>(batch);
    while (!left.isEmpty()) {
      List<RenderedObject> wave = left.stream().filter(o -> placed.containsAll(dependencies(o))).toList();
      if (wave.isEmpty()) {
        // Cycles are refused when the network is built; anything left over simply goes last.
        wave = List.copyOf(left);
      }
      wave.forEach(o -> placed.add(workloadOf(o)));
      left.removeAll(wave);
      waves.add(wave);
    }
    return waves;
  }

  private void awaitDependencies(List<RenderedObject> wave) {
    List<HasMetadata> toAwait = new ArrayList<>();
    for (RenderedObject o : wave) {
      network.workload(workloadOf(o)).ifPresent(w -> {
        for (Dependency d : w.dependsOn()) {
          if (d.condition() != DependencyCondition.STARTED) {
            rendering.stream().filter(r -> r.tier() == Tier.WORKLOADS && d.workload().equals(workloadOf(r)))
                .map(RenderedObject::object).filter(Readiness::awaited).forEach(toAwait::add);
          }
        }
      });
    }
    if (!toAwait.isEmpty()) {
      new Awaiter(cluster).await(toAwait.stream().distinct().toList(), settings.dependencyTimeout(), ProgressListener.none());
    }
  }

  private Set<String> dependencies(RenderedObject o) {
    Set<String> deps = new HashSet<>();
    network.workload(workloadOf(o)).ifPresent((Workload w) -> w.dependsOn().forEach(d -> deps.add(d.workload())));
    return deps;
  }

  private static String workloadOf(RenderedObject o) {
    Map<String, String> labels = o.object().getMetadata().getLabels();
    return labels == null ? "" : labels.getOrDefault(Labels.WORKLOAD, "");
  }
}
