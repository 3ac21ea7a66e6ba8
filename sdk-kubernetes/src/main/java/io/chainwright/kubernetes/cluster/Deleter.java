package io.chainwright.kubernetes.cluster;

import io.chainwright.api.ChainwrightException;
import io.chainwright.kubernetes.render.RenderedObject;
import io.chainwright.kubernetes.render.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Deletes objects in reverse tier order (workloads before the services, secrets and storage they
 * use), a tier at a time and in parallel within it. A failure stops before the next tier, so what
 * is left is still whole; running the same deletion again finishes it, since objects already gone count as deleted.
 */
final class Deleter {
  private final Cluster cluster;

  Deleter(Cluster cluster) {
    this.cluster = cluster;
  }

  List<RenderedObject> delete(List<RenderedObject> objects) {
    Map<Tier, List<RenderedObject>> byTier = new TreeMap<>(Comparator.reverseOrder());
    objects.forEach(o -> byTier.computeIfAbsent(o.tier(), t -> new ArrayList<>()).add(o));
    List<RenderedObject> deleted = new ArrayList<>();
    for (List<RenderedObject> tier : byTier.values()) {
      deleteAll(tier);
      deleted.addAll(tier);
    }
    return deleted;
  }

  private void deleteAll(List<RenderedObject> tier) {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = tier.stream().map(o -> pool.submit(() -> cluster.delete(o.object()))).<Future<?>>map(f -> f).toList();
      ChainwrightException failure = null;
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          ChainwrightException cause = e.getCause() instanceof ChainwrightException c ? c : new ChainwrightException("Delete failed", e.getCause());
          if (failure == null) {
            failure = cause;
          } else {
            failure.addSuppressed(cause);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ChainwrightException("Interrupted while deleting", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }
}
