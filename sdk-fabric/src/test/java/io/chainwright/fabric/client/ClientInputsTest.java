package io.chainwright.fabric.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.ValidationException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.ApplicationPolicy;
import org.junit.jupiter.api.Test;

/** The plain inputs every client takes: endpoints, TLS settings, identities and chaincode definitions. */
class ClientInputsTest {
  @Test
  void endpointsParseFromHostPortAndFromDeploymentUris() {
    assertThat(Endpoint.parse("peer0.org1:7051")).isEqualTo(new Endpoint("peer0.org1", 7051));
    assertThat(Endpoint.parse("[::1]:7051")).isEqualTo(new Endpoint("::1", 7051));
    assertThat(Endpoint.of(URI.create("grpcs://127.0.0.1:40123"))).hasToString("127.0.0.1:40123");
    assertThat(new Endpoint("::1", 7051)).hasToString("[::1]:7051");
  }

  @Test
  void badEndpointsAreViolations() {
    assertThatThrownBy(() -> Endpoint.parse("peer0")).isInstanceOf(ValidationException.class).hasMessageContaining("not host:port");
    assertThatThrownBy(() -> Endpoint.parse("peer0:http")).isInstanceOf(ValidationException.class).hasMessageContaining("no numeric port");
    assertThatThrownBy(() -> new Endpoint(" ", 70000)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("host").hasMessageContaining("70000 is not a port");
  }

  @Test
  void tlsAlwaysNeedsTrustedRootsAndKeepsCertificateAndKeyTogether() throws Exception {
    TestPki.Issued client = TestPki.leaf(TestPki.ca("ca"), "client", List.of(), List.of());

    assertThatThrownBy(() -> ClientTls.trusting(List.of())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("trustedRoots: at least one CA certificate is required");
    assertThatThrownBy(() -> new ClientTls(List.of(client.certificate()), Optional.of(client.certificate()), Optional.empty(),
        Optional.of(" ")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("clientKey: a client certificate and its private key come together")
        .hasMessageContaining("serverName: must not be blank");
    assertThat(ClientTls.trusting(client.certificate()).withClientCertificate(client.certificate(), client.key()).toString())
        .doesNotContain("PRIVATE").contains("mutual=true");
  }

  @Test
  void identityNeverShowsItsKeyAndNeedsAllThreeParts() throws Exception {
    TestPki.Issued user = TestPki.leaf(TestPki.ca("ca"), "User1@org1", List.of(), List.of());
    FabricIdentity identity = new FabricIdentity("Org1MSP", user.certificate(), user.key());

    assertThat(identity.toString()).contains("Org1MSP", "CN=User1@org1").doesNotContain(user.key().toString());
    assertThatThrownBy(() -> new FabricIdentity(null, null, null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("mspId").hasMessageContaining("certificate").hasMessageContaining("privateKey");
  }

  @Test
  void definitionsDefaultToTheChannelEndorsementPolicy() {
    ChaincodeDefinition definition = ChaincodeDefinition.of("kv", "1.0", 1);

    assertThat(definition.endorsementPolicy())
        .isEqualTo(ApplicationPolicy.newBuilder().setChannelConfigPolicyReference("/Channel/Application/Endorsement").build());
    assertThat(definition.packageId()).isEmpty();
    assertThat(definition.withPackageId("kv:abc").packageId()).contains("kv:abc");
    assertThatThrownBy(() -> ChaincodeDefinition.of("", "", 0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("name").hasMessageContaining("version").hasMessageContaining("0 is not a sequence number");
  }
}
