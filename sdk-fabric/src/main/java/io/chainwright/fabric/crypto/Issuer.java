package io.chainwright.fabric.crypto;

import io.chainwright.api.MaterialException;
import io.chainwright.api.material.MaterialKey;
import io.chainwright.api.material.Materials;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Issues identities once: each is made by {@link Certificates} the first time its key is asked
 * for, kept in the network's material as a PEM bundle, and read back on every later call. A kept
 * certificate must still be signed by its issuer's kept certificate, so a CA rotated under its
 * members is an error naming the member, never a network whose nodes distrust each other.
 */
final class Issuer {
  static final String CA = "ca.pem";
  static final String TLS_CA = "tlsca.pem";
  static final String SIGNING = "signing.pem";
  static final String TLS = "tls.pem";

  private final Materials materials;
  private final Certificates certificates;

  Issuer(Materials materials) {
    this.materials = materials;
    this.certificates = new Certificates(Instant.now());
  }

  Materials materials() {
    return materials;
  }

  /** The self-signed CA {@code name} ({@link #CA} or {@link #TLS_CA}) of the org at {@code domain}. */
  Identity ca(String domain, String name, String commonName) {
    return kept(domain, name, null, () -> certificates.ca(commonName, domain));
  }

  /** The signing identity of {@code owner} (a node's host or a user's id), from {@code ca}. */
  Identity signing(String owner, Identity ca, NodeOu role) {
    return kept(owner, SIGNING, ca, () -> certificates.signing(ca, owner, role));
  }

  /** The TLS identity of {@code owner}, from {@code tlsCa}, valid for {@code hosts} and loopback. */
  Identity tls(String owner, Identity tlsCa, List<String> hosts) {
    return kept(owner, TLS, tlsCa, () -> certificates.tls(tlsCa, owner, hosts));
  }

  private Identity kept(String owner, String name, Identity issuer, Supplier<Identity> issue) {
    MaterialKey key = materials.key(owner, name);
    Identity identity = parse(key, materials.getOrCreate(owner, name, () -> issue.get().pemBundle()));
    if (issuer != null) {
      try {
        identity.certificate().verify(issuer.certificate().getPublicKey());
      } catch (GeneralSecurityException e) {
        throw new MaterialException("Stored certificate " + key + " (" + identity.commonName()
            + ") was not issued by its CA's current certificate; renew it from the current CA", e);
      }
    }
    return identity;
  }

  /** The identity kept under {@code key}, as {@code bundle} holds it. */
  static Identity parse(MaterialKey key, byte[] bundle) {
    try {
      return Identity.fromPemBundle(bundle);
    } catch (IllegalArgumentException e) {
      throw new MaterialException("Stored identity " + key + " is unreadable: " + e.getMessage(), e);
    }
  }
}
