package io.chainwright.api.policy;

/** How a {@link SecretSource} delivers secrets to pods. */
public enum SecretDelivery {
  PLATFORM,
  VAULT_AGENT,
  EXTERNAL_SECRETS
}
