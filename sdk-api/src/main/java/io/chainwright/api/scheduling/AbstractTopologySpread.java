package io.chainwright.api.scheduling;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import org.immutables.value.Value;

/** Spreads replicas evenly across zones or hosts, allowing at most {@code maxSkew} difference. */
@Value.Immutable
@JsonSerialize(as = TopologySpread.class)
@JsonDeserialize(as = TopologySpread.class)
abstract class AbstractTopologySpread {
  @Value.Parameter
  public abstract Topology across();

  @Value.Parameter
  @Value.Default
  public int maxSkew() {
    return 1;
  }

  /** True refuses to schedule when the spread cannot be kept; false schedules anyway. */
  @Value.Default
  public boolean strict() {
    return false;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("topologySpread");
    v.require("across", across());
    v.range("maxSkew", maxSkew(), 1, 1000, "a skew");
    v.throwIfAny();
  }
}
