package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An environment variable: a literal, a key of a secret, or a fact about the pod.
 *
 * <p>Secret values never appear as literals; use {@link #fromSecret}.
 */
@Value.Immutable
@JsonSerialize(as = EnvVar.class)
@JsonDeserialize(as = EnvVar.class)
abstract class AbstractEnvVar {
  /** Names the backends give variables of their own, such as the pod's address; a model's variables may not take them. */
  public static final String RESERVED_PREFIX = "CHAINWRIGHT_";

  public abstract String name();

  public abstract Optional<String> value();

  public abstract Optional<SecretKeyRef> secret();

  public abstract Optional<PodField> field();

  /** A literal value. Never use this for secrets. */
  public static EnvVar literal(String name, String value) {
    return EnvVar.builder().name(name).value(value).build();
  }

  /** A value read from one key of a secret when the container starts. */
  public static EnvVar fromSecret(String name, String secret, String key) {
    return EnvVar.builder().name(name).secret(SecretKeyRef.of(secret, key)).build();
  }

  /** A fact about the running replica, such as its pod name. */
  public static EnvVar fromField(String name, PodField field) {
    return EnvVar.builder().name(name).field(field).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("env", name());
    if (v.require("name", name())) {
      Names.envNameProblem(name()).ifPresent(p -> v.add("name", p));
      if (name().startsWith(RESERVED_PREFIX)) {
        v.add("name", "names starting with " + RESERVED_PREFIX + " are reserved for the SDK's backends");
      }
    }
    int sources = (value().isPresent() ? 1 : 0) + (secret().isPresent() ? 1 : 0) + (field().isPresent() ? 1 : 0);
    if (sources != 1) {
      v.add("give exactly one of value, secret or field (found " + sources + ")");
    }
    v.throwIfAny();
  }
}
