package io.chainwright.api.probe;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A command run inside the container that must exit 0. */
@Value.Immutable
@JsonSerialize(as = ExecCheck.class)
@JsonDeserialize(builder = ExecCheck.Builder.class)
abstract sealed class AbstractExecCheck implements ProbeCheck permits ExecCheck {
  public abstract List<String> command();

  @Override
  public Optional<String> port() {
    return Optional.empty();
  }

  @Value.Check
  protected void validate() {
    if (command().isEmpty()) {
      Violations.root().in("check").add("command", "is required").throwIfAny();
    }
  }
}
