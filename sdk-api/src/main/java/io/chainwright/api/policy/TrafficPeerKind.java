package io.chainwright.api.policy;

/** What kind of peer a {@link TrafficPeer} is. */
public enum TrafficPeerKind {
  WORKLOAD,
  NAMESPACE,
  MONITORING,
  CIDR
}
