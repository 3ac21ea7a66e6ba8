package io.chainwright.api.probe;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A JSON-RPC 2.0 call over HTTP POST whose result must match an expectation, e.g.
 * {@code eth_syncing} must return {@code false}.
 */
@Value.Immutable
@JsonSerialize(as = JsonRpcCheck.class)
@JsonDeserialize(builder = JsonRpcCheck.Builder.class)
abstract sealed class AbstractJsonRpcCheck implements ProbeCheck permits JsonRpcCheck {
  @Override
  public abstract Optional<String> port();

  @Value.Default
  public String path() {
    return "/";
  }

  public abstract String method();

  /** The {@code params} array as JSON text. */
  @Value.Default
  public String params() {
    return "[]";
  }

  @Value.Default
  public JsonRpcExpectation expect() {
    return JsonRpcExpectation.anyResult();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("check");
    v.require("port", port().orElse(null));
    v.require("method", method());
    v.httpPath("path", path());
    if (!JsonRpcExpectation.isJsonArray(params())) {
      v.add("params", "'" + params() + "' is not a JSON array");
    }
    v.require("expect", expect());
    v.throwIfAny();
  }
}
