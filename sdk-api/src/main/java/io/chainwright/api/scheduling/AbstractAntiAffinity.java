package io.chainwright.api.scheduling;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import org.immutables.value.Value;

/** Keeps replicas of one workload apart: never (required) or preferably not in the same zone or host. */
@Value.Immutable
@JsonSerialize(as = AntiAffinity.class)
@JsonDeserialize(as = AntiAffinity.class)
abstract class AbstractAntiAffinity {
  @Value.Parameter
  public abstract Topology across();

  /** True refuses to schedule rather than share a domain; false only prefers not to. */
  @Value.Parameter
  @Value.Default
  public boolean required() {
    return false;
  }

  public static AntiAffinity required(Topology across) {
    return AntiAffinity.of(across, true);
  }

  public static AntiAffinity preferred(Topology across) {
    return AntiAffinity.of(across, false);
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("antiAffinity");
    v.require("across", across());
    v.throwIfAny();
  }
}
