package io.chainwright.l2;

/** Labels the Layer-2 specs put on their workloads. */
public final class L2Labels {
  /** A workload's part in its rollup, e.g. {@code execution}, {@code rollup-node} or {@code sequencer}. */
  public static final String ROLE = "l2.chainwright.io/role";

  private L2Labels() {}
}
