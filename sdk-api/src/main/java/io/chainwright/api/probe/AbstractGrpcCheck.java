package io.chainwright.api.probe;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/** A call to the standard gRPC health service. */
@Value.Immutable
@JsonSerialize(as = GrpcCheck.class)
@JsonDeserialize(builder = GrpcCheck.Builder.class)
abstract sealed class AbstractGrpcCheck implements ProbeCheck permits GrpcCheck {
  @Override
  public abstract Optional<String> port();

  /** The service name to ask about; empty asks about the server as a whole. */
  public abstract Optional<String> service();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("check");
    v.require("port", port().orElse(null));
    v.throwIfAny();
  }
}
