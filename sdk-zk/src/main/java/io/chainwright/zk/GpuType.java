package io.chainwright.zk;

/**
 * GPU models a prover may ask for, by the product name NVIDIA's GPU feature discovery writes to
 * the node label {@code nvidia.com/gpu.product}.
 */
public enum GpuType {
  A100_40GB("NVIDIA-A100-SXM4-40GB"),
  A100_80GB("NVIDIA-A100-SXM4-80GB"),
  H100_80GB("NVIDIA-H100-80GB-HBM3"),
  L4("NVIDIA-L4"),
  L40S("NVIDIA-L40S");

  private final String product;

  GpuType(String product) {
    this.product = product;
  }

  /** The value of the node label {@code nvidia.com/gpu.product}. */
  public String product() {
    return product;
  }
}
