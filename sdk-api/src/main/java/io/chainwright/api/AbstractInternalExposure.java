package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A port reachable only inside the network; headless gives every replica its own address. */
@Value.Immutable
@JsonSerialize(as = InternalExposure.class)
@JsonDeserialize(as = InternalExposure.class)
abstract class AbstractInternalExposure implements Exposure {
  @Value.Default
  public boolean headless() {
    return false;
  }

  @Override
  public boolean leavesNetwork() {
    return false;
  }
}
