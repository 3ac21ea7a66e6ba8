package io.chainwright.fabric.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A certificate and its private key. {@link #toString()} names the certificate only; the key is
 * reachable through {@link #privateKey()} and {@link #privateKeyPem()} and nowhere else.
 */
public final class Identity {
  private final X509Certificate certificate;
  private final PrivateKey privateKey;
  // Each CA certificate lands in dozens of MSP folders; encode it once.
  private volatile String certificatePem;

  Identity(X509Certificate certificate, PrivateKey privateKey) {
    this.certificate = certificate;
    this.privateKey = privateKey;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** The EC private key; {@code getEncoded()} gives PKCS#8. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The subject's common name, e.g. {@code peer0.org1.example.com}. */
  public String commonName() {
    return Certificates.commonName(certificate);
  }

  public String certificatePem() {
    String pem = certificatePem;
    if (pem == null) {
      pem = Pem.certificate(certificate);
      certificatePem = pem;
    }
    return pem;
  }

  /** When the certificate stops being valid. */
  public Instant notAfter() {
    return certificate.getNotAfter().toInstant();
  }

  /** The certificate PEM followed by the private key PEM: how a material store keeps an identity. */
  byte[] pemBundle() {
    return (certificatePem() + privateKeyPem()).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The identity in {@code bundle}, as {@link #pemBundle()} writes it.
   *
   * @throws IllegalArgumentException when the bundle is not one certificate and one PKCS#8 key
   */
  static Identity fromPemBundle(byte[] bundle) {
    X509CertificateHolder certificate = null;
    PrivateKeyInfo key = null;
    try (PEMParser pem = new PEMParser(new StringReader(new String(bundle, StandardCharsets.US_ASCII)))) {
      for (Object part = pem.readObject(); part != null; part = pem.readObject()) {
        if (part instanceof X509CertificateHolder c && certificate == null) {
          certificate = c;
        } else if (part instanceof PrivateKeyInfo k && key == null) {
          key = k;
        } else {
          throw new IllegalArgumentException("unexpected " + part.getClass().getSimpleName() + " in an identity bundle");
        }
      }
      if (certificate == null || key == null) {
        throw new IllegalArgumentException("an identity bundle holds one certificate and one private key; found "
            + (certificate == null ? "no certificate" : "no private key"));
      }
      return new Identity(new JcaX509CertificateConverter().getCertificate(certificate), new JcaPEMKeyConverter().getPrivateKey(key));
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException("not a PEM identity bundle: " + e.getMessage(), e);
    }
  }

  /** The private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
  public String privateKeyPem() {
    return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
  }

  @Override
  public String toString() {
    return "Identity[" + certificate.getSubjectX500Principal().getName() + ", serial " + certificate.getSerialNumber().toString(16) + "]";
  }
}
