package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/** A Vault agent that writes secrets into the workload's replicas as files, under {@code /vault/secrets}. */
@Value.Immutable
@JsonSerialize(as = VaultAgent.class)
@JsonDeserialize(as = VaultAgent.class)
abstract class AbstractVaultAgent {
  /** The Vault role the workload logs in with. */
  public abstract String role();

  /** File name to Vault secret path, e.g. {@code jwt.hex -> secret/data/eth/jwt}. */
  public abstract Map<String, String> secrets();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("vaultAgent");
    v.require("role", role());
    if (secrets().isEmpty()) {
      v.add("secrets", "name at least one secret to inject");
    }
    secrets().keySet().stream().filter(f -> !f.matches("[-._a-zA-Z0-9]+"))
        .forEach(f -> v.in("secrets", f).add("is not a plain file name"));
    v.throwIfAny();
  }
}
