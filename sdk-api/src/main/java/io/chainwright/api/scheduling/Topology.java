package io.chainwright.api.scheduling;

/** A failure domain replicas can be spread across. */
public enum Topology {
  ZONE("topology.kubernetes.io/zone"),
  HOST("kubernetes.io/hostname");

  private final String nodeLabel;

  Topology(String nodeLabel) {
    this.nodeLabel = nodeLabel;
  }

  /** The well-known node label that names the domain. */
  public String nodeLabel() {
    return nodeLabel;
  }
}
