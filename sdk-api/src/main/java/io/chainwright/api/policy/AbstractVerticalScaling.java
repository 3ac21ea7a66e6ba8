package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Quantity;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/** Lets the platform size a workload's requests from observed use, within bounds. */
@Value.Immutable
@JsonSerialize(as = VerticalScaling.class)
@JsonDeserialize(as = VerticalScaling.class)
abstract class AbstractVerticalScaling {
  AbstractVerticalScaling() {}

  public abstract String workload();

  @Value.Default
  public VerticalScalingMode mode() {
    return VerticalScalingMode.RECOMMEND_ONLY;
  }

  public abstract Optional<String> minCpu();

  public abstract Optional<String> maxCpu();

  public abstract Optional<String> minMemory();

  public abstract Optional<String> maxMemory();

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("verticalScaling", workload());
    v.label("workload", workload());
    v.require("mode", mode());
    bounds(v, "minCpu", minCpu(), maxCpu());
    bounds(v, "minMemory", minMemory(), maxMemory());
    v.throwIfAny();
  }

  private static void bounds(Violations v, String field, Optional<String> min, Optional<String> max) {
    Optional<Quantity> lo = v.quantity(field, min);
    Optional<Quantity> hi = v.quantity(field.replace("min", "max"), max);
    if (lo.isPresent() && hi.isPresent() && lo.get().compareTo(hi.get()) > 0) {
      v.add(field, lo.get() + " is above " + field.replace("min", "max") + " " + hi.get());
    }
  }
}
