package io.chainwright.api.exposure;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A port reachable only inside the network; headless gives every replica its own address. */
@Value.Immutable
@JsonSerialize(as = InternalExposure.class)
@JsonDeserialize(builder = InternalExposure.Builder.class)
abstract sealed class AbstractInternalExposure implements Exposure permits InternalExposure {
  @Value.Default
  public boolean headless() {
    return false;
  }

  @Override
  public boolean leavesNetwork() {
    return false;
  }
}
