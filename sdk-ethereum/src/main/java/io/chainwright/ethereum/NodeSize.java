package io.chainwright.ethereum;

import io.chainwright.api.Resources;

/** Resource presets for a node: requests are what the scheduler reserves, limits leave room for bursts. */
public enum NodeSize {
  /** Testnets and light RPC use. */
  SMALL("2", "4", "8Gi", "16Gi", "1", "2", "4Gi", "8Gi"),
  /** A mainnet full node. */
  MEDIUM("4", "8", "16Gi", "32Gi", "2", "4", "8Gi", "16Gi"),
  /** A mainnet archive node or a busy RPC node. */
  LARGE("8", "16", "32Gi", "64Gi", "4", "8", "16Gi", "32Gi");

  private final Resources execution;
  private final Resources consensus;

  NodeSize(String elCpu, String elCpuLimit, String elMemory, String elMemoryLimit,
      String clCpu, String clCpuLimit, String clMemory, String clMemoryLimit) {
    this.execution = Resources.of(elCpu, elCpuLimit, elMemory, elMemoryLimit);
    this.consensus = Resources.of(clCpu, clCpuLimit, clMemory, clMemoryLimit);
  }

  public Resources execution() {
    return execution;
  }

  public Resources consensus() {
    return consensus;
  }
}
