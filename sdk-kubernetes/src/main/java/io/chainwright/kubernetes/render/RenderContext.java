package io.chainwright.kubernetes.render;

import io.chainwright.api.Network;
import io.chainwright.api.Violations;
import io.chainwright.api.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What every renderer shares: the network, its options, the objects rendered so far, and derived-name checks. */
final class RenderContext {
  private final Network network;
  private final RenderOptions options;
  private final List<RenderedObject> objects = new ArrayList<>();
  private final Violations violations = Violations.root();

  RenderContext(Network network, RenderOptions options) {
    this.network = network;
    this.options = options;
  }

  Network network() {
    return network;
  }

  RenderOptions options() {
    return options;
  }

  String namespace() {
    return network.namespace();
  }

  void add(Tier tier, HasMetadata object) {
    objects.add(new RenderedObject(tier, object));
  }

  List<RenderedObject> objects() {
    return objects;
  }

  Violations violations() {
    return violations;
  }

  /**
   * A name made from model names, e.g. {@code rpc-nodeport}. Kubernetes refuses names over 63
   * characters for most kinds; such a name is reported at {@code path}, never shortened.
   */
  String derivedName(String path, String name) {
    if (name.length() > 63) {
      violations.add(path, "the derived Kubernetes name '" + name + "' is longer than 63 characters; shorten the names it is made of");
    }
    return name;
  }

  /** Metadata of a namespaced object owned by the network. */
  ObjectMeta meta(String name) {
    return meta(name, Labels.owned(network), Map.of());
  }

  /** Metadata of a namespaced object of {@code workload}. */
  ObjectMeta meta(String name, Workload workload) {
    return meta(name, Labels.workload(network, workload), Map.of());
  }

  ObjectMeta meta(String name, Map<String, String> labels, Map<String, String> annotations) {
    return new ObjectMetaBuilder(clusterMeta(name, labels, annotations)).withNamespace(namespace()).build();
  }

  /**
   * Metadata of an object the network applies but shares with the cluster ({@link Labels#SHARED}),
   * in {@code namespace} or cluster-scoped when null: like {@link #clusterSharedMeta}, no network's label.
   */
  ObjectMeta sharedMeta(String name, String namespace) {
    return new ObjectMetaBuilder(clusterSharedMeta(name)).withNamespace(namespace).build();
  }

  /**
   * Metadata of a cluster-scoped object that several networks may apply alike, such as a storage
   * class or a namespace another operator owns: marked managed and {@link Labels#SHARED}, but with
   * no network's label, so every network renders it byte for byte the same, and none prunes it.
   */
  static ObjectMeta clusterSharedMeta(String name) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(Labels.MANAGED_BY, Labels.MANAGER);
    labels.put(Labels.SHARED, "true");
    return clusterMeta(name, labels, Map.of());
  }

  /** Metadata of a cluster-scoped object owned by the network. */
  ObjectMeta clusterMeta(String name) {
    return clusterMeta(name, Labels.owned(network), Map.of());
  }

  private static ObjectMeta clusterMeta(String name, Map<String, String> labels, Map<String, String> annotations) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withLabels(sortedOrNull(labels))
        .withAnnotations(sortedOrNull(annotations))
        .build();
  }

  /** A sorted copy, or null when empty so that nothing is written for it. */
  static <V> Map<String, V> sortedOrNull(Map<String, V> map) {
    return map == null || map.isEmpty() ? null : new TreeMap<>(map);
  }

  /**
   * A map that keeps the order given, for the fields of untyped resources. {@code Map.of} would not
   * do: its order changes from one JVM run to the next, and the output must not.
   */
  static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A copy, or null when empty so that nothing is written for it. */
  static <T> List<T> listOrNull(List<T> list) {
    return list == null || list.isEmpty() ? null : new ArrayList<>(list);
  }
}
