package io.chainwright.api;

/** The state the other workload of a {@link Dependency} must reach. */
public enum DependencyCondition {
  STARTED,
  READY,
  COMPLETED
}
