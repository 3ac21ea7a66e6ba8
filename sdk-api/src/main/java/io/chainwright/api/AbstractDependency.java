package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** Another workload of the same network that must reach a state before this one starts. */
@Value.Immutable
@JsonSerialize(as = Dependency.class)
@JsonDeserialize(as = Dependency.class)
// Public only so that its nested enums can be named everywhere; build values through the generated type.
public abstract class AbstractDependency {
  AbstractDependency() {}

  /** The state the other workload must reach. */
  public enum Condition {
    STARTED,
    READY,
    COMPLETED
  }

  @Value.Parameter
  public abstract String workload();

  @Value.Parameter
  @Value.Default
  public Condition condition() {
    return Condition.READY;
  }

  /** Start after {@code workload} is ready. */
  public static Dependency ready(String workload) {
    return Dependency.of(workload, Condition.READY);
  }

  /** Start after {@code workload}, a job, has completed. */
  public static Dependency completed(String workload) {
    return Dependency.of(workload, Condition.COMPLETED);
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("dependsOn", workload());
    v.label("workload", workload());
    v.require("condition", condition());
    v.throwIfAny();
  }
}
