package io.chainwright.fabric.client;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Just enough of a PKI for client tests: an EC P-256 CA and certificates it issues with chosen names. */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(1);

  /** A certificate with its private key. */
  public record Issued(X509Certificate certificate, PrivateKey key) {}

  private TestPki() {}

  public static Issued ca(String commonName) throws Exception {
    KeyPair keys = keys();
    X500Name name = new X500Name("CN=" + commonName);
    X509v3CertificateBuilder builder = builder(name, name, keys)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    return new Issued(sign(builder, keys.getPrivate()), keys.getPrivate());
  }

  /** A leaf issued by {@code ca}, naming {@code dnsNames} and {@code ipAddresses} as subject alternative names. */
  public static Issued leaf(Issued ca, String commonName, List<String> dnsNames, List<String> ipAddresses) throws Exception {
    KeyPair keys = keys();
    GeneralName[] names = new GeneralName[dnsNames.size() + ipAddresses.size()];
    int index = 0;
    for (String dns : dnsNames) {
      names[index++] = new GeneralName(GeneralName.dNSName, dns);
    }
    for (String ip : ipAddresses) {
      names[index++] = new GeneralName(GeneralName.iPAddress, ip);
    }
    X509v3CertificateBuilder builder = builder(
        new X500Name(ca.certificate().getSubjectX500Principal().getName()), new X500Name("CN=" + commonName), keys)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    if (names.length > 0) {
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }
    return new Issued(sign(builder, ca.key()), keys.getPrivate());
  }

  /** A certificate issued by {@code ca} for someone else's {@code key}, as a CA signs a request. */
  public static X509Certificate issueFor(Issued ca, String commonName, PublicKey key) throws Exception {
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(ca.certificate().getSubjectX500Principal().getName()),
        BigInteger.valueOf(SERIAL.getAndIncrement()), Date.from(Instant.now().minus(Duration.ofHours(1))),
        Date.from(Instant.now().plus(Duration.ofDays(1))), new X500Name("CN=" + commonName), key)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    return sign(builder, ca.key());
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.getAndIncrement()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) throws Exception {
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
  }
}
