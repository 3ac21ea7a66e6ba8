package io.chainwright.api.policy;

/** How a {@link GpuPolicy} offers MIG slices to workloads. */
public enum MigStrategy {
  /** MIG is not used: only whole GPUs ({@code nvidia.com/gpu}). */
  NONE,
  /** Every GPU of a node is cut the same way and each slice is offered as {@code nvidia.com/gpu}. */
  SINGLE,
  /** Slices are offered by profile, e.g. {@code nvidia.com/mig-1g.10gb}, and may differ per GPU. */
  MIXED
}
