package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** One key of a named secret. */
@Value.Immutable
@JsonSerialize(as = SecretKeyRef.class)
@JsonDeserialize(as = SecretKeyRef.class)
abstract class AbstractSecretKeyRef {
  @Value.Parameter
  public abstract String secret();

  @Value.Parameter
  public abstract String key();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    v.subdomain("secret", secret());
    v.require("key", key());
    v.throwIfAny();
  }
}
