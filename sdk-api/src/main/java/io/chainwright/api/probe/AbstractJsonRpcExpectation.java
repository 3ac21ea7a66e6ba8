package io.chainwright.api.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/** What a JSON-RPC result must be for a probe to pass: any result, equal to a value, or anything but a value. */
@Value.Immutable
@JsonSerialize(as = JsonRpcExpectation.class)
@JsonDeserialize(as = JsonRpcExpectation.class)
abstract class AbstractJsonRpcExpectation {
  AbstractJsonRpcExpectation() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public abstract JsonRpcMatch match();

  /** The JSON value compared against, for {@code EQUALS} and {@code NOT_EQUALS}. */
  public abstract Optional<String> value();

  /** Any non-error result passes. */
  public static JsonRpcExpectation anyResult() {
    return JsonRpcExpectation.builder().match(JsonRpcMatch.ANY_RESULT).build();
  }

  /** The result must equal this JSON value, e.g. {@code "false"}. */
  public static JsonRpcExpectation equalTo(String json) {
    return JsonRpcExpectation.builder().match(JsonRpcMatch.EQUALS).value(json).build();
  }

  /** The result must be anything but this JSON value, e.g. {@code "\"0x0\""}. */
  public static JsonRpcExpectation notEqualTo(String json) {
    return JsonRpcExpectation.builder().match(JsonRpcMatch.NOT_EQUALS).value(json).build();
  }

  /** True when {@code result} passes. */
  public boolean test(JsonNode result) {
    if (result == null) {
      return false;
    }
    return switch (match()) {
      case ANY_RESULT -> true;
      case EQUALS -> result.equals(parse(value().orElseThrow()));
      case NOT_EQUALS -> !result.equals(parse(value().orElseThrow()));
    };
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("expect");
    if (v.require("match", match())) {
      if (match() == JsonRpcMatch.ANY_RESULT && value().isPresent()) {
        v.add("value", "ANY_RESULT takes no value");
      }
      if (match() != JsonRpcMatch.ANY_RESULT && value().map(AbstractJsonRpcExpectation::isJson).orElse(false) == false) {
        v.add("value", match() + " needs a JSON value, got " + value().map(s -> "'" + s + "'").orElse("none"));
      }
    }
    v.throwIfAny();
  }

  static boolean isJsonArray(String text) {
    return text != null && isJson(text) && parse(text).isArray();
  }

  private static boolean isJson(String text) {
    try {
      JSON.readTree(text);
      return !text.isBlank();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("checked when built", e);
    }
  }
}
