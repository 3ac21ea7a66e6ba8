package io.chainwright.api.backend;

import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one label scheme every backend writes, so that a Kubernetes object and a Compose service of
 * the same workload carry the same keys: Kubernetes' recommended {@code app.kubernetes.io/*} labels
 * plus the SDK's own, under {@value #PREFIX}.
 *
 * <p>Backends find what they own by {@link #MANAGED_BY} and {@link #NETWORK}; the recommended
 * labels are for people and dashboards.
 */
public final class OwnershipLabels {
  /** The prefix of every label the SDK defines for itself. */
  public static final String PREFIX = "chainwright.io/";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "chainwright";
  /** The recommended label naming the application: the workload. */
  public static final String NAME = "app.kubernetes.io/name";
  /** The recommended label naming the larger application: the network. */
  public static final String PART_OF = "app.kubernetes.io/part-of";
  /** The network an object belongs to; prune, plan, teardown and volume clean-up find objects by it. */
  public static final String NETWORK = PREFIX + "network";
  /** The workload an object belongs to; selectors use it. */
  public static final String WORKLOAD = PREFIX + "workload";
  /** Whether a workload's persistent volume survives a teardown that deletes volumes: {@code true} or {@code false}. */
  public static final String KEEP_ON_DELETE = PREFIX + "keep-on-delete";
  /**
   * Marks an object the network uses but shares with other networks, such as a storage class:
   * teardown and prune leave it, since other networks may rely on it.
   */
  public static final String SHARED = PREFIX + "shared";
  /**
   * The group a workload belongs to, such as the organisation that runs it in a consortium; a
   * domain sets it, and pictures of the network draw each group as one box.
   */
  public static final String GROUP = PREFIX + "group";
  /**
   * Marks a volume that stands in for scratch space several containers share: it goes at every
   * teardown, as a pod's emptyDir does.
   */
  public static final String SCRATCH = PREFIX + "scratch";
  /** The tenant a network is placed in, on every object of the network. */
  public static final String TENANT = PREFIX + "tenant";
  /** The cron schedule of a workload that runs on one, where the platform has no scheduler to hold it. */
  public static final String SCHEDULE = PREFIX + "schedule";

  private OwnershipLabels() {}

  /** The labels on everything of {@code network}: its own labels, then ownership, which they cannot override. */
  public static Map<String, String> of(Network network) {
    Map<String, String> labels = new TreeMap<>(network.labels());
    labels.put(MANAGED_BY, MANAGER);
    labels.put(NETWORK, network.name());
    return labels;
  }

  /** The labels on a workload's objects: the network's, the workload's own, then its names. */
  public static Map<String, String> of(Network network, Workload workload) {
    Map<String, String> labels = of(network);
    labels.putAll(workload.labels());
    labels.put(NAME, workload.name());
    labels.put(PART_OF, network.name());
    labels.put(WORKLOAD, workload.name());
    return labels;
  }
}
