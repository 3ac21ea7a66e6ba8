package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A named set of secret values (key to value), delivered to workloads only as secret objects or
 * files: never in config maps, environment literals, logs or {@code toString}.
 */
@Value.Immutable
@JsonSerialize(as = Secret.class)
@JsonDeserialize(as = Secret.class)
abstract class AbstractSecret {
  public abstract String name();

  /** Key to value. Hidden from {@code toString}. */
  @Value.Redacted
  public abstract Map<String, SecretValue> data();

  /**
   * True when the secret is created outside Chainwright (by hand, Vault or External Secrets):
   * it is referenced, never rendered, and carries no data here.
   */
  @Value.Default
  public boolean provided() {
    return false;
  }

  /** A secret that already exists on the platform. */
  public static Secret provided(String name) {
    return Secret.builder().name(name).provided(true).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("secrets", name());
    v.subdomain("name", name());
    if (provided() && !data().isEmpty()) {
      v.add("data", "a provided secret carries no data here");
    }
    if (!provided() && data().isEmpty()) {
      v.add("data", "a secret needs at least one key, or mark it provided");
    }
    data().forEach((key, value) -> {
      if (!key.matches("[-._a-zA-Z0-9]+")) {
        v.in("data", key).add("is not a secret key (letters, digits, '-', '_' and '.')");
      }
      if (value == null) {
        v.in("data", key).add("is required");
      } else {
        value.problem().ifPresent(p -> v.in("data", key).add(p));
      }
    });
    v.throwIfAny();
  }
}
