package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** The keys of a secret, mounted as read-only files (mode 0400 unless stated otherwise). */
@Value.Immutable
@JsonSerialize(as = SecretVolume.class)
@JsonDeserialize(as = SecretVolume.class)
abstract class AbstractSecretVolume implements Volume {
  @Override
  public abstract String name();

  /** The name of a secret declared on the network. */
  public abstract String secret();

  /** File mode of each key's file; owner read-only by default. */
  @Value.Default
  public int fileMode() {
    return 0400;
  }

  public static SecretVolume of(String name, String secret) {
    return SecretVolume.builder().name(name).secret(secret).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("volumes", name());
    v.label("name", name());
    v.subdomain("secret", secret());
    v.range("fileMode", fileMode(), 0, 0777, "a file mode");
    v.throwIfAny();
  }
}
