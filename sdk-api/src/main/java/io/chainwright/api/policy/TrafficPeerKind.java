package io.chainwright.api.policy;

/** What kind of peer a {@link TrafficPeer} is. */
public enum TrafficPeerKind {
  WORKLOAD,
  NAMESPACE,
  MONITORING,
  CIDR,
  /** A host outside the cluster, by its DNS name; only reached, never admitting. */
  HOST
}
