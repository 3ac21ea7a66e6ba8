package io.chainwright.api.probe;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/** A TCP connection that must be accepted. */
@Value.Immutable
@JsonSerialize(as = TcpCheck.class)
@JsonDeserialize(builder = TcpCheck.Builder.class)
abstract sealed class AbstractTcpCheck implements ProbeCheck permits TcpCheck {
  @Override
  public abstract Optional<String> port();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("check");
    v.require("port", port().orElse(null));
    v.throwIfAny();
  }
}
