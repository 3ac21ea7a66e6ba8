package io.chainwright.l2.polygon;

/** The zkevm-node components of a Polygon CDK chain, each run as a workload of its own. */
public enum CdkComponent {
  RPC("rpc"),
  SYNCHRONIZER("synchronizer"),
  SEQUENCER("sequencer,sequence-sender"),
  AGGREGATOR("aggregator");

  private final String components;

  CdkComponent(String components) {
    this.components = components;
  }

  /** The value of zkevm-node's {@code --components}. */
  public String components() {
    return components;
  }
}
