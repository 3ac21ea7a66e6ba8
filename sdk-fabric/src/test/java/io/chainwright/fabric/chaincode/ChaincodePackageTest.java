package io.chainwright.fabric.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainwright.api.SecretValue;
import io.chainwright.api.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

class ChaincodePackageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROOT_PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

  private static ChaincodePackage basic() {
    return ChaincodePackage.builder().label("basic_1.0").address("basic-cc:9999").rootCertificatePem(ROOT_PEM).build();
  }

  @Test
  void packageHoldsMetadataAndCodeArchiveWithConnection() throws IOException {
    Map<String, byte[]> outer = untar(basic().bytes());

    assertThat(outer).containsOnlyKeys("metadata.json", "code.tar.gz");
    JsonNode metadata = JSON.readTree(outer.get("metadata.json"));
    assertThat(metadata.path("type").asText()).isEqualTo("ccaas");
    assertThat(metadata.path("label").asText()).isEqualTo("basic_1.0");

    Map<String, byte[]> code = untar(outer.get("code.tar.gz"));
    assertThat(code).containsOnlyKeys("connection.json");
    JsonNode connection = JSON.readTree(code.get("connection.json"));
    assertThat(connection.path("address").asText()).isEqualTo("basic-cc:9999");
    assertThat(connection.path("dial_timeout").asText()).isEqualTo("10s");
    assertThat(connection.path("tls_required").asBoolean()).isTrue();
    assertThat(connection.path("client_auth_required").asBoolean()).isFalse();
    assertThat(connection.path("root_cert").asText()).isEqualTo(ROOT_PEM);
    assertThat(connection.has("client_key")).isFalse();
  }

  @Test
  void packageIdIsLabelAndSha256OfThePackage() throws Exception {
    ChaincodePackage pkg = basic();
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pkg.bytes()));

    assertThat(pkg.packageId()).isEqualTo("basic_1.0:" + hash);
  }

  @Test
  void samePackageGivesSameBytesAndIdEveryTime() {
    assertThat(basic().bytes()).isEqualTo(basic().bytes());
    assertThat(basic().packageId()).isEqualTo(basic().packageId())
        .isNotEqualTo(basic().withAddress("other:9999").packageId());
  }

  @Test
  void plainConnectionCarriesNoTlsSettingsAndMillisecondTimeouts() throws IOException {
    ChaincodePackage pkg = ChaincodePackage.builder().label("dev").address("127.0.0.1:7052")
        .tlsRequired(false).dialTimeout(Duration.ofMillis(1500)).build();

    JsonNode connection = JSON.readTree(pkg.connectionJson());
    assertThat(connection.path("tls_required").asBoolean()).isFalse();
    assertThat(connection.path("dial_timeout").asText()).isEqualTo("1500ms");
    assertThat(connection.has("root_cert")).isFalse();
  }

  @Test
  void mutualTlsPutsClientCertificateAndKeyInConnectionButNeverInToString() throws IOException {
    ChaincodePackage pkg = ChaincodePackage.builder().from(basic()).clientAuthRequired(true)
        .clientCertificatePem("CLIENT-CERT").clientKeyPem(SecretValue.of("CLIENT-KEY")).build();

    JsonNode connection = JSON.readTree(pkg.connectionJson());
    assertThat(connection.path("client_auth_required").asBoolean()).isTrue();
    assertThat(connection.path("client_cert").asText()).isEqualTo("CLIENT-CERT");
    assertThat(connection.path("client_key").asText()).isEqualTo("CLIENT-KEY");
    assertThat(pkg.toString()).doesNotContain("CLIENT-KEY");
  }

  @Test
  void badPackageReportsEveryProblemWithItsField() {
    assertThatThrownBy(() -> ChaincodePackage.builder().label("-bad label").address("no-port")
        .dialTimeout(Duration.ZERO).clientAuthRequired(true).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("label: '-bad label' is not a chaincode label")
        .hasMessageContaining("address: 'no-port' is not host:port")
        .hasMessageContaining("dialTimeout: must be positive")
        .hasMessageContaining("rootCertificatePem: is required when TLS is required")
        .hasMessageContaining("clientAuthRequired: needs both clientCertificatePem and clientKeyPem");
  }

  @Test
  void missingLabelAndAddressAreViolationsNotNullPointers() {
    assertThatThrownBy(() -> ChaincodePackage.builder().tlsRequired(false).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("label")
        .hasMessageContaining("address");
  }

  static Map<String, byte[]> untar(byte[] tarGz) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(tarGz)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        assertThat(entry.isFile()).as(entry.getName() + " is a regular file").isTrue();
        files.put(entry.getName(), tar.readAllBytes());
      }
    }
    return files;
  }
}
