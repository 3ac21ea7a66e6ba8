package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.List;
import org.immutables.value.Value;

/** Scales a workload's replicas between bounds to hold its metrics at their targets. */
@Value.Immutable
@JsonSerialize(as = Autoscaler.class)
@JsonDeserialize(as = Autoscaler.class)
abstract class AbstractAutoscaler {
  public abstract String workload();

  @Value.Default
  public int minReplicas() {
    return 1;
  }

  public abstract int maxReplicas();

  public abstract List<ScalingMetric> metrics();

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("autoscalers", workload());
    v.label("workload", workload());
    v.range("minReplicas", minReplicas(), 1, 10_000, "a replica count");
    v.range("maxReplicas", maxReplicas(), 1, 10_000, "a replica count");
    if (minReplicas() > maxReplicas()) {
      v.add("minReplicas", minReplicas() + " is above maxReplicas " + maxReplicas());
    }
    if (metrics().isEmpty()) {
      v.add("metrics", "an autoscaler needs at least one metric");
    }
    v.unique("metrics", metrics(), m -> m.source() + ":" + m.name());
    v.throwIfAny();
  }
}
