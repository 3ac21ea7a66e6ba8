package io.chainwright.api.policy;

/** Whether {@link VerticalScaling} recommendations are only reported or also applied. */
public enum VerticalScalingMode {
  RECOMMEND_ONLY,
  APPLY
}
