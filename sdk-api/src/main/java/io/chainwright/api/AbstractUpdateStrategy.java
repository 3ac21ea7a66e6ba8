package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How replicas are replaced on change: rolling, with a partition (only replicas at or above this
 * ordinal update, for canaries of stateful nodes) or a bound on unavailable replicas.
 */
@Value.Immutable
@JsonSerialize(as = UpdateStrategy.class)
@JsonDeserialize(as = UpdateStrategy.class)
abstract class AbstractUpdateStrategy {
  /** Stateful workloads only: replicas below this ordinal keep the old version. */
  public abstract Optional<Integer> partition();

  /** A count ({@code 1}) or a percentage ({@code 25%}). */
  public abstract Optional<String> maxUnavailable();

  /** A count or percentage of extra replicas during the roll; stateless workloads only. */
  public abstract Optional<String> maxSurge();

  /** Replace one replica at a time. */
  public static UpdateStrategy oneAtATime() {
    return UpdateStrategy.builder().maxUnavailable("1").build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("updateStrategy");
    partition().ifPresent(p -> v.range("partition", p, 0, Integer.MAX_VALUE, "a partition"));
    maxUnavailable().filter(s -> !IntOrPercent.valid(s)).ifPresent(s -> v.add("maxUnavailable", IntOrPercent.problem(s)));
    maxSurge().filter(s -> !IntOrPercent.valid(s)).ifPresent(s -> v.add("maxSurge", IntOrPercent.problem(s)));
    v.throwIfAny();
  }
}
