package io.chainwright.kubernetes.render;

import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import java.util.Map;
import java.util.TreeMap;

/** The labels that mark what Chainwright owns, and the selectors built from them. */
public final class Labels {
  /** The network an object belongs to; prune, plan and destroy find objects by it. */
  public static final String NETWORK = "chainwright.io/network";
  /** The workload an object belongs to; pod selectors use it. */
  public static final String WORKLOAD = "chainwright.io/workload";
  /** Whether a persistent volume claim survives {@code Teardown.DELETE_VOLUMES}. */
  public static final String KEEP_ON_DELETE = "chainwright.io/keep-on-delete";
  /**
   * Marks an object the network applies but shares with the rest of the cluster, such as the GPU
   * operator's cluster policy: destroy and prune leave it, since other tenants may rely on it.
   */
  public static final String SHARED = "chainwright.io/shared";
  /** Marks the one service per workload a ServiceMonitor scrapes, so replicas are not scraped twice. */
  public static final String SCRAPE = "chainwright.io/scrape";
  /** Marks the namespace the monitoring stack runs in; isolation rules with a monitoring peer select it. */
  public static final String MONITORING_NAMESPACE = "chainwright.io/monitoring";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "chainwright";

  private Labels() {}

  /** The labels on every object of {@code network}: ownership first, then the network's own labels. */
  public static Map<String, String> owned(Network network) {
    Map<String, String> labels = new TreeMap<>(network.labels());
    labels.put(MANAGED_BY, MANAGER);
    labels.put(NETWORK, network.name());
    return labels;
  }

  /** The labels on a workload's objects and pods. */
  public static Map<String, String> workload(Network network, Workload workload) {
    Map<String, String> labels = owned(network);
    labels.putAll(workload.labels());
    labels.put("app.kubernetes.io/name", workload.name());
    labels.put("app.kubernetes.io/part-of", network.name());
    labels.put(WORKLOAD, workload.name());
    return labels;
  }

  /** The selector of a workload's pods; stable, because a workload's selector cannot change once created. */
  public static Map<String, String> selector(Network network, Workload workload) {
    return selector(network, workload.name());
  }

  public static Map<String, String> selector(Network network, String workload) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(NETWORK, network.name());
    labels.put(WORKLOAD, workload);
    return labels;
  }

  /** The label selector string that finds everything of {@code network}. */
  public static String ownedSelector(String network) {
    return MANAGED_BY + "=" + MANAGER + "," + NETWORK + "=" + network;
  }
}
