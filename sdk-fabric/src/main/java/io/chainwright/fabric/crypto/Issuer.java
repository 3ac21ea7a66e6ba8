package io.chainwright.fabric.crypto;

import io.chainwright.api.MaterialException;
import io.chainwright.api.material.MaterialKey;
import io.chainwright.api.material.Materials;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Issues identities once: each is made by {@link Certificates} the first time its key is asked
 * for, kept in the network's material as a PEM bundle, and read back on every later call. A kept
 * certificate must still name its issuer's kept certificate as its authority, so a CA rotated under
 * its members is an error naming the member, never a network whose nodes distrust each other.
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
    Identity[] made = new Identity[1];
    byte[] bundle = materials.getOrCreate(owner, name, () -> {
      made[0] = issue.get();
      return made[0].pemBundle();
    });
    if (made[0] != null && Arrays.equals(bundle, made[0].pemBundle())) {
      return made[0]; // made and stored just now (not a concurrent writer's), by its issuer as it is
    }
    Identity identity = parse(key, bundle);
    if (issuer != null && !Arrays.equals(authorityKeyId(identity), Certificates.ski(issuer.certificate().getPublicKey()))) {
      throw new MaterialException("Stored certificate " + key + " (" + identity.commonName()
          + ") was not issued by its CA's current certificate; renew it from the current CA");
    }
    return identity;
  }

  /**
   * The key identifier of the CA that issued {@code identity}'s certificate. Comparing it with the
   * CA's own finds a certificate left over from a rotated CA as surely as checking the signature,
   * at no elliptic-curve cost; the store is trusted, so forgery is not what this guards against.
   */
  private static byte[] authorityKeyId(Identity identity) {
    byte[] extension = identity.certificate().getExtensionValue(Extension.authorityKeyIdentifier.getId());
    if (extension == null) {
      return new byte[0];
    }
    try {
      return AuthorityKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension)).getKeyIdentifierOctets();
    } catch (IOException e) {
      throw new MaterialException("Stored certificate of " + identity.commonName() + " has an unreadable authority key identifier", e);
    }
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
