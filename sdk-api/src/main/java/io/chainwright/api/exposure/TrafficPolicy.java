package io.chainwright.api.exposure;

/** Whether external traffic stays on the node that received it (keeping the client address) or spreads. */
public enum TrafficPolicy {
  LOCAL,
  CLUSTER
}
