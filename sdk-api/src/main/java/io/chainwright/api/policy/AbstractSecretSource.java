package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/** Where the platform gets secret values from: its own secret objects, a Vault agent, or External Secrets. */
@Value.Immutable
@JsonSerialize(as = SecretSource.class)
@JsonDeserialize(as = SecretSource.class)
abstract class AbstractSecretSource {
  AbstractSecretSource() {}

  public abstract SecretDelivery kind();

  /** External Secrets: the (Cluster)SecretStore to read from. */
  public abstract Optional<String> store();

  /** External Secrets: true for a ClusterSecretStore. */
  @Value.Default
  public boolean clusterStore() {
    return false;
  }

  /** External Secrets: how often values are refreshed, e.g. {@code 1h}. */
  @Value.Default
  public String refreshInterval() {
    return "1h";
  }

  /** Secrets are the platform's own secret objects, rendered from the model. */
  public static SecretSource platform() {
    return SecretSource.builder().kind(SecretDelivery.PLATFORM).build();
  }

  /** Secrets are written into replicas by a Vault agent (see each workload's Vault settings). */
  public static SecretSource vaultAgent() {
    return SecretSource.builder().kind(SecretDelivery.VAULT_AGENT).build();
  }

  /** Secrets are synchronised from an external store by the External Secrets operator. */
  public static SecretSource externalSecrets(String store) {
    return SecretSource.builder().kind(SecretDelivery.EXTERNAL_SECRETS).store(store).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("secretSource");
    if (v.require("kind", kind()) && kind() == SecretDelivery.EXTERNAL_SECRETS) {
      store().ifPresentOrElse(s -> v.subdomain("store", s), () -> v.add("store", "External Secrets needs a store"));
    }
    if (kind() != SecretDelivery.EXTERNAL_SECRETS && store().isPresent()) {
      v.add("store", "only External Secrets reads from a store");
    }
    if (refreshInterval() == null || !refreshInterval().matches("\\d+(ms|s|m|h)")) {
      v.add("refreshInterval", "'" + refreshInterval() + "' is not a duration such as 30m or 1h");
    }
    v.throwIfAny();
  }
}
