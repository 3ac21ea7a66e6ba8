package io.chainwright.fabric.crypto;

import io.chainwright.api.Digests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Makes P-256 keys and the certificates cryptogen makes: self-signed CAs, signing certificates
 * carrying a NodeOU, and TLS certificates with host names and loopback in their SANs.
 */
final class Certificates {
  private static final Duration BACKDATE = Duration.ofMinutes(5);
  private static final Duration VALIDITY = Duration.ofDays(3650);
  private final SecureRandom random = new SecureRandom();
  private final KeyPairGenerator keys;
  private final CertificateFactory parser;
  private final Instant notBefore;

  Certificates(Instant now) {
    try {
      keys = KeyPairGenerator.getInstance("EC");
      keys.initialize(new ECGenParameterSpec("secp256r1"), random);
      parser = CertificateFactory.getInstance("X.509");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot make P-256 keys", e);
    }
    // Backdated so that a peer whose clock is a little behind still accepts the certificates.
    notBefore = now.minus(BACKDATE);
  }

  /** A self-signed CA for {@code org}, allowed to sign certificates and CRLs. */
  Identity ca(String commonName, String org) {
    KeyPair pair = keys.generateKeyPair();
    X500Name name = name(commonName, org, null);
    byte[] ski = ski(pair.getPublic());
    X509v3CertificateBuilder b = builder(name, name, pair.getPublic());
    try {
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment
          | KeyUsage.keyCertSign | KeyUsage.cRLSign));
      b.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(ski));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Identity(sign(b, new Identity(null, pair.getPrivate())), pair.getPrivate());
  }

  /** A signing certificate issued by {@code ca}, whose OU tells Fabric the holder's role. */
  Identity signing(Identity ca, String commonName, NodeOu ou) {
    KeyPair pair = keys.generateKeyPair();
    X509v3CertificateBuilder b = builder(ca, name(commonName, null, ou.ou()), pair.getPublic());
    try {
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Identity(sign(b, ca), pair.getPrivate());
  }

  /** A TLS certificate issued by {@code tlsCa} for server and client use, valid for {@code dnsNames} and loopback (users have no host name, so only loopback). */
  Identity tls(Identity tlsCa, String commonName, List<String> dnsNames) {
    KeyPair pair = keys.generateKeyPair();
    X509v3CertificateBuilder b = builder(tlsCa, name(commonName, null, null), pair.getPublic());
    List<GeneralName> sans = new ArrayList<>();
    for (String dns : dnsNames) {
      sans.add(new GeneralName(GeneralName.dNSName, dns));
    }
    sans.add(new GeneralName(GeneralName.dNSName, "localhost"));
    sans.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    try {
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      b.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Identity(sign(b, tlsCa), pair.getPrivate());
  }

  /** The value of the CN attribute of {@code cert}'s subject. */
  static String commonName(X509Certificate cert) {
    try {
      for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
    } catch (javax.naming.InvalidNameException e) {
      throw new IllegalStateException(e);
    }
    return "";
  }

  /** The key identifier Fabric's BCCSP uses: SHA-256 of the uncompressed public point. */
  static byte[] ski(PublicKey key) {
    byte[] point = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
    return Digests.sha256(point);
  }

  private X509v3CertificateBuilder builder(Identity issuer, X500Name subject, PublicKey key) {
    X509v3CertificateBuilder b = builder(X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), subject, key);
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(ski(key)));
      b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(ski(issuer.certificate().getPublicKey())));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return b;
  }

  private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key) {
    BigInteger serial = new BigInteger(128, random);
    return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notBefore.plus(VALIDITY)), subject, key);
  }

  private X509Certificate sign(X509v3CertificateBuilder b, Identity issuer) {
    try {
      byte[] der = b.build(new LowSContentSigner(issuer.privateKey())).getEncoded();
      return (X509Certificate) parser.generateCertificate(new ByteArrayInputStream(der));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encode a certificate", e);
    }
  }

  private static X500Name name(String commonName, String org, String ou) {
    X500NameBuilder n = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "US")
        .addRDN(BCStyle.ST, "California")
        .addRDN(BCStyle.L, "San Francisco");
    if (org != null) {
      n.addRDN(BCStyle.O, org);
    }
    if (ou != null) {
      n.addRDN(BCStyle.OU, ou);
    }
    return n.addRDN(BCStyle.CN, commonName).build();
  }
}
