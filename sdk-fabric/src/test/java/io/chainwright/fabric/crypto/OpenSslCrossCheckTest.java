package io.chainwright.fabric.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chainwright.fabric.Networks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second, independent reader: OpenSSL verifies the written chains and purposes, and reads the keys. Skipped without openssl. */
class OpenSslCrossCheckTest {
  private static final String ORG1 = "peerOrganizations/org1.example.com/";
  private static final String PEER0 = ORG1 + "peers/peer0.org1.example.com/";

  @TempDir
  static Path dir;

  @BeforeAll
  static void write() {
    assumeTrue(run("version").startsWith("OpenSSL"), "openssl is not on the PATH, so this cross-check is skipped");
    NetworkCrypto.generate(Networks.twoOrgs()).writeTo(dir);
  }

  private static String run(String... args) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).directory(dir == null ? null : dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  @Test
  void signingCertificatesVerifyAgainstTheOrgCa() {
    assertThat(run("verify", "-CAfile", ORG1 + "msp/cacerts/ca.org1.example.com-cert.pem",
        PEER0 + "msp/signcerts/peer0.org1.example.com-cert.pem",
        ORG1 + "users/Admin@org1.example.com/msp/signcerts/Admin@org1.example.com-cert.pem")).contains(": OK").doesNotContain("error");
  }

  @Test
  void tlsCertificatesVerifyForServerAndClientUse() {
    String tlsCa = PEER0 + "tls/ca.crt";
    assertThat(run("verify", "-purpose", "sslserver", "-CAfile", tlsCa, PEER0 + "tls/server.crt")).contains(": OK").doesNotContain("error");
    assertThat(run("verify", "-purpose", "sslclient", "-CAfile", tlsCa, PEER0 + "tls/server.crt")).contains(": OK").doesNotContain("error");
    assertThat(run("verify", "-purpose", "sslclient", "-CAfile", tlsCa,
        ORG1 + "users/User1@org1.example.com/tls/client.crt")).contains(": OK").doesNotContain("error");
    assertThat(run("verify", "-verify_hostname", "peer0.org1.example.com", "-CAfile", tlsCa, PEER0 + "tls/server.crt")).contains(": OK");
    assertThat(run("verify", "-verify_hostname", "peer1.org1.example.com", "-CAfile", tlsCa, PEER0 + "tls/server.crt")).contains("error");
  }

  @Test
  void aCertificateFromAnotherOrgDoesNotVerify() {
    assertThat(run("verify", "-CAfile", "peerOrganizations/org2.example.com/msp/cacerts/ca.org2.example.com-cert.pem",
        PEER0 + "msp/signcerts/peer0.org1.example.com-cert.pem")).contains("error");
  }

  @Test
  void keysArePkcs8AndBelongToTheirCertificates() {
    String fromKey = run("pkey", "-in", PEER0 + "tls/server.key", "-pubout");
    String fromCert = run("x509", "-in", PEER0 + "tls/server.crt", "-pubkey", "-noout");
    assertThat(fromKey).startsWith("-----BEGIN PUBLIC KEY-----").isEqualTo(fromCert);
    assertThat(run("pkey", "-in", PEER0 + "msp/keystore/priv_sk", "-text", "-noout")).contains("NIST CURVE: P-256");
  }
}
