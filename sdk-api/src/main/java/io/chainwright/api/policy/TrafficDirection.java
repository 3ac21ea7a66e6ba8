package io.chainwright.api.policy;

/** Which way the traffic an {@link IsolationRule} allows flows, seen from the workload. */
public enum TrafficDirection {
  INGRESS,
  EGRESS
}
