package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** Another workload of the same network that must reach a state before this one starts. */
@Value.Immutable
@JsonSerialize(as = Dependency.class)
@JsonDeserialize(as = Dependency.class)
abstract class AbstractDependency {
  AbstractDependency() {}

  @Value.Parameter
  public abstract String workload();

  @Value.Parameter
  @Value.Default
  public DependencyCondition condition() {
    return DependencyCondition.READY;
  }

  /** Start after {@code workload} is ready. */
  public static Dependency ready(String workload) {
    return Dependency.of(workload, DependencyCondition.READY);
  }

  /** Start after {@code workload}, a job, has completed. */
  public static Dependency completed(String workload) {
    return Dependency.of(workload, DependencyCondition.COMPLETED);
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("dependsOn", workload());
    v.label("workload", workload());
    v.require("condition", condition());
    v.throwIfAny();
  }
}
