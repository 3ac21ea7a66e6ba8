package io.chainwright.fabric.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.PlatformException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CA client against a served exchange (no fabric-ca-server binary runs here): enroll, register
 * as a registrar, enroll what was registered; the CA's TLS checked; every refusal names the call.
 */
class FabricCaClientTest {
  private TestPki.Issued tlsRoot;
  private StandInCa server;
  private FabricCaClient client;

  @BeforeEach
  void start() throws Exception {
    tlsRoot = TestPki.ca("tls-ca");
    server = new StandInCa(TestPki.leaf(tlsRoot, "ca.org1", List.of("localhost"), List.of("127.0.0.1")), TestPki.ca("ca.org1"));
    server.secrets.put("admin", "adminpw");
    server.registrars.add("admin");
    client = FabricCaClient.connect(new Endpoint("127.0.0.1", server.port()), ClientTls.trusting(tlsRoot.certificate()),
        Optional.empty(), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void anEnrolledRegistrarRegistersAPeerWhichThenEnrollsWithItsOwnKey() throws Exception {
    CaEnrollment admin = client.enroll("admin", "adminpw");

    String secret = client.register(admin, CaRegistration.of("peer1", "peer").withAffiliation("org1"));
    CaEnrollment peer = client.enroll("peer1", secret);

    assertThat(admin.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=admin");
    peer.certificate().verify(server.ca.certificate().getPublicKey());
    Signature probe = Signature.getInstance("SHA256withECDSA");
    probe.initSign(peer.privateKey());
    probe.update(new byte[] {1, 2, 3});
    byte[] signature = probe.sign();
    probe.initVerify(peer.certificate());
    probe.update(new byte[] {1, 2, 3});
    assertThat(probe.verify(signature)).as("the certificate is for the key the client made and kept").isTrue();
    assertThat(peer.caChain()).containsExactly(server.ca.certificate());
    assertThat(peer.identity("Org1MSP").mspId()).isEqualTo("Org1MSP");
    assertThat(peer.toString()).contains("private key hidden").doesNotContain(peer.privateKey().toString());
    assertThat(client.register(admin, CaRegistration.of("user1", "client").withSecret("chosen"))).isEqualTo("chosen");
  }

  @Test
  void aWrongSecretANonRegistrarAndATakenIdAreRefusedNamingTheCallAndTheCasReason() {
    assertThatThrownBy(() -> client.enroll("admin", "wrong")).isInstanceOf(PlatformException.class)
        .hasMessageContaining("enroll 'admin' at Fabric CA 127.0.0.1:").hasMessageContaining("code 20: Authentication failure");

    CaEnrollment admin = client.enroll("admin", "adminpw");
    String secret = client.register(admin, CaRegistration.of("user1", "client"));
    CaEnrollment user = client.enroll("user1", secret);
    assertThatThrownBy(() -> client.register(user, CaRegistration.of("user2", "client"))).isInstanceOf(PlatformException.class)
        .hasMessageContaining("register 'user2' as 'user1'").hasMessageContaining("'user1' may not register identities");
    assertThatThrownBy(() -> client.register(admin, CaRegistration.of("user1", "client")))
        .hasMessageContaining("code 74: Identity 'user1' is already registered");
  }

  @Test
  void aNodeRotatesItsCertificateForANewKeyAndARevokedIdentityCanNoLongerDoSo() throws Exception {
    CaEnrollment admin = client.enroll("admin", "adminpw");
    CaEnrollment peer = client.enroll("peer1", client.register(admin, CaRegistration.of("peer1", "peer")));

    CaEnrollment rotated = client.reenroll(peer);

    assertThat(rotated.id()).isEqualTo("peer1");
    assertThat(rotated.certificate().getSubjectX500Principal()).isEqualTo(peer.certificate().getSubjectX500Principal());
    assertThat(rotated.certificate().getPublicKey()).as("a new key").isNotEqualTo(peer.certificate().getPublicKey());
    rotated.certificate().verify(server.ca.certificate().getPublicKey());

    client.revoke(admin, "peer1", "keycompromise");
    assertThatThrownBy(() -> client.reenroll(rotated)).isInstanceOf(PlatformException.class)
        .hasMessageContaining("reenroll 'peer1' at Fabric CA").hasMessageContaining("revoked");
    assertThatThrownBy(() -> client.revoke(rotated, "admin", "superseded")).hasMessageContaining("revoke 'admin' as 'peer1'");
  }

  @Test
  void aNamedCaIsAskedForInTheQueryTheRegistrarsSignatureCovers() throws Exception {
    try (FabricCaClient named = FabricCaClient.connect(new Endpoint("127.0.0.1", server.port()), ClientTls.trusting(tlsRoot.certificate()),
        Optional.of("ca-org1"), Duration.ofSeconds(10))) {
      CaEnrollment admin = named.enroll("admin", "adminpw");

      assertThat(named.register(admin, CaRegistration.of("orderer1", "orderer"))).isNotBlank();
      assertThat(server.queries).contains("ca=ca-org1");
    }
  }

  @Test
  void aTokenSignedForAnotherBodyIsRefused() throws Exception {
    CaEnrollment admin = client.enroll("admin", "adminpw");
    String token = FabricCaClient.token(admin, "POST", "/api/v1/register", "{\"id\":\"other\"}".getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/api/v1/register"))
        .header("Authorization", token).POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"mallory\",\"type\":\"client\"}")).build();
    try (HttpClient http = HttpClient.newBuilder()
        .sslContext(TlsContexts.sslContext(ClientTls.trusting(tlsRoot.certificate()), new Endpoint("127.0.0.1", server.port()))).build()) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).contains("the token's signature does not match");
    }
    assertThat(server.secrets).doesNotContainKey("mallory");
  }

  @Test
  void aCaWhoseTlsCertificateIsNotFromTheTrustedRootIsNotTalkedTo() throws Exception {
    try (FabricCaClient stranger = FabricCaClient.connect(new Endpoint("127.0.0.1", server.port()),
        ClientTls.trusting(TestPki.ca("other-root").certificate()), Optional.empty(), Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> stranger.enroll("admin", "adminpw")).isInstanceOf(PlatformException.class)
          .hasMessageContaining("enroll 'admin' at Fabric CA");
    }
    assertThat(server.secrets).containsOnlyKeys("admin");
  }
}
