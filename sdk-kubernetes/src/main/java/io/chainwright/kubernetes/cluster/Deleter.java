package io.chainwright.kubernetes.cluster;

import io.chainwright.kubernetes.render.RenderedObject;
import io.chainwright.kubernetes.render.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    Parallel.each(tier, "delete", o -> {
      cluster.delete(o.object());
      return o;
    });
  }
}
