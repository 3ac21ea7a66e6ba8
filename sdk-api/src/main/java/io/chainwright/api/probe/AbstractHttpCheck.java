package io.chainwright.api.probe;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** An HTTP GET that must answer with a status below 400. */
@Value.Immutable
@JsonSerialize(as = HttpCheck.class)
@JsonDeserialize(builder = HttpCheck.Builder.class)
abstract sealed class AbstractHttpCheck implements ProbeCheck permits HttpCheck {
  @Override
  public abstract Optional<String> port();

  @Value.Default
  public String path() {
    return "/";
  }

  public abstract Map<String, String> headers();

  @Value.Default
  public boolean https() {
    return false;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("check");
    v.require("port", port().orElse(null));
    v.httpPath("path", path());
    v.throwIfAny();
  }
}
