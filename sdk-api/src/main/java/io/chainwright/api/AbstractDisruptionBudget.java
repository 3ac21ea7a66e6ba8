package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** How many replicas voluntary disruptions (node drains, upgrades) must leave running. */
@Value.Immutable
@JsonSerialize(as = DisruptionBudget.class)
@JsonDeserialize(as = DisruptionBudget.class)
abstract class AbstractDisruptionBudget {
  /** A count or a percentage that must stay available. */
  public abstract Optional<String> minAvailable();

  /** A count or a percentage that may be down at once. */
  public abstract Optional<String> maxUnavailable();

  public static DisruptionBudget minAvailable(String countOrPercent) {
    return DisruptionBudget.builder().minAvailable(countOrPercent).build();
  }

  public static DisruptionBudget maxUnavailable(String countOrPercent) {
    return DisruptionBudget.builder().maxUnavailable(countOrPercent).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("disruptionBudget");
    if (minAvailable().isPresent() == maxUnavailable().isPresent()) {
      v.add("give exactly one of minAvailable or maxUnavailable");
    }
    minAvailable().filter(s -> !IntOrPercent.valid(s)).ifPresent(s -> v.add("minAvailable", IntOrPercent.problem(s)));
    maxUnavailable().filter(s -> !IntOrPercent.valid(s)).ifPresent(s -> v.add("maxUnavailable", IntOrPercent.problem(s)));
    v.throwIfAny();
  }
}
