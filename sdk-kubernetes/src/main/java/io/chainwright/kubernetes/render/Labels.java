package io.chainwright.kubernetes.render;

import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.chainwright.api.backend.OwnershipLabels;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels that mark what Chainwright owns on Kubernetes, and the selectors built from them.
 * The keys both backends write are {@link OwnershipLabels}'; those only Kubernetes needs are here.
 */
public final class Labels {
  public static final String NETWORK = OwnershipLabels.NETWORK;
  public static final String WORKLOAD = OwnershipLabels.WORKLOAD;
  public static final String KEEP_ON_DELETE = OwnershipLabels.KEEP_ON_DELETE;
  public static final String SHARED = OwnershipLabels.SHARED;
  public static final String MANAGED_BY = OwnershipLabels.MANAGED_BY;
  public static final String MANAGER = OwnershipLabels.MANAGER;
  /** Marks the one service per workload a ServiceMonitor scrapes, so replicas are not scraped twice. */
  public static final String SCRAPE = OwnershipLabels.PREFIX + "scrape";
  /** Marks the namespace the monitoring stack runs in; isolation rules with a monitoring peer select it. */
  public static final String MONITORING_NAMESPACE = OwnershipLabels.PREFIX + "monitoring";

  private Labels() {}

  /** The labels on every object of {@code network}: ownership first, then the network's own labels. */
  public static Map<String, String> owned(Network network) {
    return OwnershipLabels.of(network);
  }

  /** The labels on a workload's objects and pods. */
  public static Map<String, String> workload(Network network, Workload workload) {
    return OwnershipLabels.of(network, workload);
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

  /** The labels that find everything of the network called {@code network}. */
  public static Map<String, String> ownedSelector(String network) {
    return new TreeMap<>(Map.of(MANAGED_BY, MANAGER, NETWORK, network));
  }
}
