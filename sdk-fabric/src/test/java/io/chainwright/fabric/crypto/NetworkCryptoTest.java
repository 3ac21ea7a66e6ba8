package io.chainwright.fabric.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The material reads back as Fabric reads it: chains verify, roles are in the OUs, every signature is low-S. */
class NetworkCryptoTest {
  private static final FabricNetwork NETWORK = Networks.twoOrgs();
  private static NetworkCrypto crypto;
  private static Map<String, byte[]> files;

  @BeforeAll
  static void generate() {
    crypto = NetworkCrypto.generate(NETWORK);
    files = crypto.files();
  }

  private static X509Certificate cert(String path) throws Exception {
    assertThat(files).containsKey(path);
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(files.get(path)));
  }

  private static PrivateKey key(String path) throws Exception {
    String pem = new String(files.get(path), StandardCharsets.US_ASCII);
    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  private static List<String> ous(X509Certificate cert) throws Exception {
    return new LdapName(cert.getSubjectX500Principal().getName()).getRdns().stream()
        .filter(r -> r.getType().equals("OU")).map(Rdn::getValue).map(Object::toString).toList();
  }

  private static void assertKeyMatches(PrivateKey key, X509Certificate cert) throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(key);
    s.update(new byte[] {1, 2, 3});
    byte[] sig = s.sign();
    s.initVerify(cert.getPublicKey());
    s.update(new byte[] {1, 2, 3});
    assertThat(s.verify(sig)).isTrue();
  }

  @Test
  void layoutFollowsCryptogen() {
    String org1 = "peerOrganizations/org1.example.com/";
    String peer0 = org1 + "peers/peer0.org1.example.com/";
    String ord = "ordererOrganizations/example.com/";
    assertThat(files).containsKeys(
        org1 + "ca/ca.org1.example.com-cert.pem", org1 + "ca/priv_sk",
        org1 + "tlsca/tlsca.org1.example.com-cert.pem", org1 + "tlsca/priv_sk",
        org1 + "msp/cacerts/ca.org1.example.com-cert.pem", org1 + "msp/tlscacerts/tlsca.org1.example.com-cert.pem", org1 + "msp/config.yaml",
        peer0 + "msp/cacerts/ca.org1.example.com-cert.pem", peer0 + "msp/tlscacerts/tlsca.org1.example.com-cert.pem",
        peer0 + "msp/signcerts/peer0.org1.example.com-cert.pem", peer0 + "msp/keystore/priv_sk", peer0 + "msp/config.yaml",
        peer0 + "tls/ca.crt", peer0 + "tls/server.crt", peer0 + "tls/server.key",
        org1 + "users/Admin@org1.example.com/msp/signcerts/Admin@org1.example.com-cert.pem",
        org1 + "users/User1@org1.example.com/tls/client.crt", org1 + "users/User1@org1.example.com/tls/client.key",
        ord + "orderers/orderer2.example.com/tls/server.key", ord + "users/Admin@example.com/msp/keystore/priv_sk");
    assertThat(files.keySet()).noneMatch(p -> p.contains("admincerts"));
    // 2 peer orgs x (CA, TLS CA, 2 peers, Admin, User1) + orderer org x (CA, TLS CA, 3 orderers, Admin): one key each, plus TLS keys.
    assertThat(files.keySet().stream().filter(NetworkCrypto::isPrivateKey)).hasSize(2 * (2 + 2 * 4) + (2 + 2 * 4));
  }

  @Test
  void everyCertificateChainsToItsOrgCaAndEveryKeyMatchesItsCertificate() throws Exception {
    for (OrgCrypto org : crypto.orgs()) {
      X509Certificate ca = org.ca().certificate();
      X509Certificate tlsCa = org.tlsCa().certificate();
      ca.verify(ca.getPublicKey());
      tlsCa.verify(tlsCa.getPublicKey());
      assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
      assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
      assertThat(Certificates.commonName(ca)).isEqualTo("ca." + org.domain());
      for (MemberCrypto m : concat(org.nodes(), org.users())) {
        m.signing().certificate().verify(ca.getPublicKey());
        m.tls().certificate().verify(tlsCa.getPublicKey());
        assertThat(m.signing().certificate().getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(m.signing().certificate().getBasicConstraints()).isEqualTo(-1);
        assertKeyMatches(m.signing().privateKey(), m.signing().certificate());
        assertKeyMatches(m.tls().privateKey(), m.tls().certificate());
      }
    }
  }

  @Test
  void everySignatureIsLowS() throws Exception {
    // 30 distinct certificates; half of all raw ECDSA signatures are high-S, so without
    // normalising this passes by chance once in 2^30 runs.
    List<String> certPaths = files.keySet().stream().filter(p -> p.endsWith(".pem") || p.endsWith(".crt")).toList();
    java.util.Set<java.math.BigInteger> serials = new java.util.HashSet<>();
    for (String path : certPaths) {
      X509Certificate cert = cert(path);
      serials.add(cert.getSerialNumber());
      assertThat(LowS.isLowS(cert.getSignature())).as(path).isTrue();
    }
    assertThat(serials).hasSize(3 * 10);
  }

  @Test
  void signingCertificatesCarryTheirRoleAsNodeOu() throws Exception {
    String org1 = "peerOrganizations/org1.example.com/";
    assertThat(ous(cert(org1 + "peers/peer0.org1.example.com/msp/signcerts/peer0.org1.example.com-cert.pem"))).containsExactly("peer");
    assertThat(ous(cert(org1 + "users/Admin@org1.example.com/msp/signcerts/Admin@org1.example.com-cert.pem"))).containsExactly("admin");
    assertThat(ous(cert(org1 + "users/User1@org1.example.com/msp/signcerts/User1@org1.example.com-cert.pem"))).containsExactly("client");
    assertThat(ous(crypto.org("ord").node("orderer1").signing().certificate())).containsExactly("orderer");
    X509Certificate peer = crypto.org("org1").node("peer0").signing().certificate();
    assertThat(peer.getKeyUsage()[0]).as("digitalSignature").isTrue();
    assertThat(peer.getKeyUsage()[5]).as("keyCertSign").isFalse();
    assertThat(peer.getExtendedKeyUsage()).isNull();
  }

  @Test
  void tlsCertificatesNameTheHostTheWorkloadAndLoopbackAndServeBothWays() throws Exception {
    X509Certificate server = cert("peerOrganizations/org2.example.com/peers/peer1.org2.example.com/tls/server.crt");
    assertThat(server.getSubjectAlternativeNames().stream().map(san -> san.get(1).toString()).toList())
        .containsExactly("peer1.org2.example.com", "peer1", "org2-peer1", "localhost", "127.0.0.1");
    assertThat(server.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    assertThat(Certificates.commonName(server)).isEqualTo("peer1.org2.example.com");
    assertKeyMatches(key("peerOrganizations/org2.example.com/peers/peer1.org2.example.com/tls/server.key"), server);
    assertThat(files.get("peerOrganizations/org2.example.com/peers/peer1.org2.example.com/tls/ca.crt"))
        .isEqualTo(crypto.org("org2").tlsCa().certificatePem().getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void configYamlEnablesNodeOusAgainstTheOrgCa() {
    String expected = """
        NodeOUs:
          Enable: true
          ClientOUIdentifier:
            Certificate: cacerts/ca.org1.example.com-cert.pem
            OrganizationalUnitIdentifier: client
          PeerOUIdentifier:
            Certificate: cacerts/ca.org1.example.com-cert.pem
            OrganizationalUnitIdentifier: peer
          AdminOUIdentifier:
            Certificate: cacerts/ca.org1.example.com-cert.pem
            OrganizationalUnitIdentifier: admin
          OrdererOUIdentifier:
            Certificate: cacerts/ca.org1.example.com-cert.pem
            OrganizationalUnitIdentifier: orderer
        """;
    assertThat(new String(files.get("peerOrganizations/org1.example.com/msp/config.yaml"), StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(new String(files.get("peerOrganizations/org1.example.com/peers/peer0.org1.example.com/msp/config.yaml"), StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void writesTheLayoutWithPrivateKeysReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
    crypto.writeTo(dir);
    Path key = dir.resolve("peerOrganizations/org1.example.com/peers/peer0.org1.example.com/msp/keystore/priv_sk");
    Path cert = dir.resolve("peerOrganizations/org1.example.com/peers/peer0.org1.example.com/tls/server.crt");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ordererOrganizations/example.com/orderers/orderer0.example.com/tls/server.key")))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cert))).isEqualTo("rw-r--r--");
    assertThat(Files.readAllBytes(key)).isEqualTo(crypto.org("org1").node("peer0").signing().privateKeyPem().getBytes(StandardCharsets.US_ASCII));
    try (var walk = Files.walk(dir)) {
      assertThat(walk.filter(Files::isRegularFile).count()).isEqualTo(files.size());
    }
  }

  @Test
  void aNodesFilesAreItsFolderInTheLayout() {
    MemberCrypto peer = crypto.org("org1").node("peer0");
    peer.files().forEach((path, bytes) ->
        assertThat(files.get("peerOrganizations/org1.example.com/peers/peer0.org1.example.com/" + path)).as(path).isEqualTo(bytes));
    assertThat(peer.mspId()).isEqualTo("Org1MSP");
    assertThat(peer.id()).isEqualTo("peer0.org1.example.com");
  }

  @Test
  void privateKeysNeverAppearInToString() {
    MemberCrypto admin = crypto.org("org1").admin();
    String keyPem = admin.signing().privateKeyPem();
    String keyBody = keyPem.split("\n")[1];
    for (Object o : List.of(admin, admin.signing(), admin.tls(), crypto.org("org1"), crypto, crypto.org("org1").ca())) {
      assertThat(o.toString()).doesNotContain(keyBody).doesNotContain("PRIVATE");
    }
    assertThat(admin.signing().toString()).contains("CN=Admin@org1.example.com");
  }

  @Test
  void unknownNamesAreReportedWithWhatExists() {
    assertThatThrownBy(() -> crypto.org("org9")).isInstanceOf(NoSuchElementException.class).hasMessageContaining("[ord, org1, org2]");
    assertThatThrownBy(() -> crypto.org("org1").node("peer9")).hasMessageContaining("[peer0, peer1]");
    assertThatThrownBy(() -> crypto.org("org1").user("User9")).hasMessageContaining("[Admin, User1]");
  }

  private static List<MemberCrypto> concat(List<MemberCrypto> a, List<MemberCrypto> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
