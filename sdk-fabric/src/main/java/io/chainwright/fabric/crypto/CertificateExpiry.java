package io.chainwright.fabric.crypto;

import io.chainwright.api.material.MaterialKey;
import java.time.Instant;

/**
 * When one kept certificate expires: its key in the material store (whose owner is the node,
 * user, server or org domain it belongs to), its subject's common name, and its last valid moment.
 */
public record CertificateExpiry(MaterialKey key, String commonName, Instant notAfter) {
  /** Who holds the certificate: a node's host, a user's id, a server's name or, for a CA, the org's domain. */
  public String owner() {
    return key.owner();
  }

  /** Whether this is an org's CA or TLS CA, the root its members' certificates chain to. */
  public boolean isCa() {
    return key.name().equals(Issuer.CA) || key.name().equals(Issuer.TLS_CA);
  }
}
