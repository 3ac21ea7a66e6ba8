package io.chainwright.zk;

import io.chainwright.api.Resources;

/**
 * CPU and memory presets for a prover beside its GPUs: witness generation and proof assembly run
 * on the CPU and hold large circuits in memory. Requests equal limits, so provers are never
 * throttled or evicted ahead of other pods.
 */
public enum ProverSize {
  /** One MIG slice or a small GPU: test circuits, low traffic. */
  SMALL("4", "16Gi"),
  /** One whole data-centre GPU. */
  MEDIUM("16", "64Gi"),
  /** Several GPUs, or circuits whose witnesses need a lot of memory. */
  LARGE("32", "128Gi"),
  /** Whole-machine provers that keep the full circuit in memory. */
  XLARGE("64", "512Gi");

  private final String cpu;
  private final String memory;

  ProverSize(String cpu, String memory) {
    this.cpu = cpu;
    this.memory = memory;
  }

  public String cpu() {
    return cpu;
  }

  public String memory() {
    return memory;
  }

  /** The preset as requests and limits, without GPUs. */
  public Resources resources() {
    return Resources.of(cpu, memory);
  }
}
