package io.chainwright.kubernetes.cluster;

import io.chainwright.api.PlatformException;
import io.chainwright.kubernetes.render.Labels;
import io.chainwright.kubernetes.render.RenderedObject;
import io.chainwright.kubernetes.render.Tier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Finds what a network owns on the cluster, by its ownership labels, kind by kind. */
final class Inventory {
  private Inventory() {}

  /** Every owned object of the kinds {@code include} accepts, in tier order; the kinds are listed in parallel. */
  static List<RenderedObject> owned(Cluster cluster, String network, String namespace, Predicate<Kinds.Kind> include) {
    List<Kinds.Kind> kinds = Kinds.ALL.stream().filter(include).toList();
    List<Future<List<HasMetadata>>> lists = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      kinds.forEach(kind -> lists.add(pool.submit(() -> cluster.owned(kind, network, namespace))));
      List<RenderedObject> found = new ArrayList<>();
      for (int i = 0; i < kinds.size(); i++) {
        Tier tier = kinds.get(i).tier();
        waitFor(lists.get(i)).forEach(o -> found.add(new RenderedObject(tier, o)));
      }
      found.sort(Comparator.comparing(RenderedObject::tier));
      return found;
    }
  }

  private static List<HasMetadata> waitFor(Future<List<HasMetadata>> list) {
    try {
      return list.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new PlatformException("list", "objects of the network", String.valueOf(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("list", "objects of the network", "interrupted", e);
    }
  }

  /**
   * Owned objects the rendering no longer contains. Persistent data is never a candidate unless
   * {@code includeData}, and a namespace never is: deleting it would take everything inside along.
   */
  static List<RenderedObject> orphans(Cluster cluster, String network, String namespace, List<RenderedObject> desired, boolean includeData) {
    Set<String> wanted = desired.stream().map(o -> identity(o.object())).collect(Collectors.toSet());
    return owned(cluster, network, namespace, k -> k.tier() != Tier.NAMESPACES && (includeData || !k.holdsData())).stream()
        .filter(o -> !wanted.contains(identity(o.object())) && !isShared(o.object()))
        .toList();
  }

  /** Whether the network shares {@code o} with the cluster ({@link Labels#SHARED}), so that it never deletes it. */
  static boolean isShared(HasMetadata o) {
    return o.getMetadata().getLabels() != null && "true".equals(o.getMetadata().getLabels().get(Labels.SHARED));
  }

  static String identity(HasMetadata o) {
    String ns = o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace();
    return o.getKind() + "/" + ns + "/" + o.getMetadata().getName();
  }
}
