package io.chainwright.fabric.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

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

  /** The private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
  public String privateKeyPem() {
    return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
  }

  @Override
  public String toString() {
    return "Identity[" + certificate.getSubjectX500Principal().getName() + ", serial " + certificate.getSerialNumber().toString(16) + "]";
  }
}
