package io.chainwright.api.exposure;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/** A port published on every node, typically for P2P. */
@Value.Immutable
@JsonSerialize(as = NodePortExposure.class)
@JsonDeserialize(builder = NodePortExposure.Builder.class)
abstract sealed class AbstractNodePortExposure implements Exposure permits NodePortExposure {
  /** A fixed node port; empty lets the platform choose. */
  public abstract Optional<Integer> nodePort();

  /** Local by default, so peers see the node's own address and the client address is kept. */
  @Value.Default
  public TrafficPolicy trafficPolicy() {
    return TrafficPolicy.LOCAL;
  }

  @Override
  public boolean leavesNetwork() {
    return true;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("exposure");
    nodePort().ifPresent(p -> v.range("nodePort", p, 30000, 32767, "a node port"));
    v.require("trafficPolicy", trafficPolicy());
    v.throwIfAny();
  }
}
