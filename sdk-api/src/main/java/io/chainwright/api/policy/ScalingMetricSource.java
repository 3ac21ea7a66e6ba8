package io.chainwright.api.policy;

/** Where a {@link ScalingMetric} comes from. */
public enum ScalingMetricSource {
  RESOURCE,
  PODS,
  EXTERNAL
}
