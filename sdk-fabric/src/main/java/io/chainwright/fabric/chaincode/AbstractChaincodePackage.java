package io.chainwright.fabric.chaincode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainwright.api.Digests;
import io.chainwright.api.SecretValue;
import io.chainwright.api.Violations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A chaincode-as-a-service package: the peer installs it, and its external builder tells the peer
 * where the already running chaincode server listens instead of building any code.
 *
 * <pre>{@code
 * ChaincodePackage pkg = ChaincodePackage.builder()
 *     .label("basic_1.0").address("basic-cc:9999").rootCertificatePem(tlsCaPem).build();
 * peerAdmin.install(pkg.bytes());   // the peer answers with pkg.packageId()
 * }</pre>
 *
 * <p>The archive holds {@code metadata.json} ({@code {"type":"ccaas","label":...}}) and
 * {@code code.tar.gz}, which holds {@code connection.json}. Its bytes are reproducible, so the
 * package id is known before installing.
 */
@Value.Immutable
abstract class AbstractChaincodePackage {
  /** The package type the peer hands to external builders; {@link CcaasBuilder} accepts exactly this one. */
  public static final String TYPE = "ccaas";
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");
  private static final Pattern ADDRESS = Pattern.compile("[^\\s:/]+:\\d{1,5}|\\[[0-9A-Fa-f:.]+]:\\d{1,5}");

  /** The label the package is installed under, e.g. {@code basic_1.0}; it starts the package id. */
  public abstract String label();

  /** Where the peer dials the chaincode server, as {@code host:port}. */
  public abstract String address();

  /** How long the peer waits to connect to the chaincode server. */
  @Value.Default
  public Duration dialTimeout() {
    return Duration.ofSeconds(10);
  }

  /** Whether the peer speaks TLS to the chaincode server; on by default, then {@link #rootCertificatePem()} is needed. */
  @Value.Default
  public boolean tlsRequired() {
    return true;
  }

  /** Whether the chaincode server demands a client certificate from the peer. */
  @Value.Default
  public boolean clientAuthRequired() {
    return false;
  }

  /** The PEM CA certificate the peer trusts for the chaincode server's TLS certificate. */
  public abstract Optional<String> rootCertificatePem();

  /** The PEM client certificate the peer presents when the server demands one. */
  public abstract Optional<String> clientCertificatePem();

  /** The PEM private key of {@link #clientCertificatePem()}; it ends up inside the package. */
  @Value.Redacted
  public abstract Optional<SecretValue> clientKeyPem();

  /** The package archive (tar.gz) to install on a peer. */
  @Value.Lazy
  public byte[] bytes() {
    Map<String, byte[]> code = new LinkedHashMap<>();
    code.put("connection.json", connectionJson().getBytes(StandardCharsets.UTF_8));
    Map<String, byte[]> outer = new LinkedHashMap<>();
    outer.put("metadata.json", metadataJson().getBytes(StandardCharsets.UTF_8));
    outer.put("code.tar.gz", TarGz.of(code));
    return TarGz.of(outer);
  }

  /** The id a peer gives this package when installed: {@code label:sha256-of-the-package-in-hex}. */
  @Value.Lazy
  public String packageId() {
    return label() + ":" + Digests.sha256Hex(bytes());
  }

  /** The package's {@code metadata.json}. */
  public String metadataJson() {
    ObjectNode node = JSON.createObjectNode().put("type", TYPE).put("label", label());
    return write(node);
  }

  /** The {@code connection.json} the external builder hands to the peer. */
  public String connectionJson() {
    ObjectNode node = JSON.createObjectNode()
        .put("address", address())
        .put("dial_timeout", goDuration(dialTimeout()))
        .put("tls_required", tlsRequired());
    if (tlsRequired()) {
      node.put("client_auth_required", clientAuthRequired());
      rootCertificatePem().ifPresent(pem -> node.put("root_cert", pem));
      clientCertificatePem().ifPresent(pem -> node.put("client_cert", pem));
      clientKeyPem().ifPresent(key -> node.put("client_key", new String(key.resolve(), StandardCharsets.UTF_8)));
    }
    return write(node);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  /** Go's duration syntax, which the peer parses: whole seconds as {@code 10s}, else milliseconds. */
  private static String goDuration(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  @Value.Check
  protected void validate() {
    Violations violations = Violations.root();
    if (violations.require("label", label()) && !LABEL.matcher(label()).matches()) {
      violations.add("label", "'" + label() + "' is not a chaincode label (a letter or digit, then letters, digits, _ . + -)");
    }
    if (violations.require("address", address()) && !ADDRESS.matcher(address()).matches()) {
      violations.add("address", "'" + address() + "' is not host:port");
    }
    if (dialTimeout() == null || dialTimeout().isNegative() || dialTimeout().isZero()) {
      violations.add("dialTimeout", "must be positive");
    }
    if (tlsRequired() && rootCertificatePem().isEmpty()) {
      violations.add("rootCertificatePem", "is required when TLS is required, so the peer can verify the chaincode server");
    }
    if (!tlsRequired() && (clientAuthRequired() || rootCertificatePem().isPresent()
        || clientCertificatePem().isPresent() || clientKeyPem().isPresent())) {
      violations.add("tlsRequired", "is false, but TLS settings are given; turn TLS on or drop them");
    }
    if (clientAuthRequired() && (clientCertificatePem().isEmpty() || clientKeyPem().isEmpty())) {
      violations.add("clientAuthRequired", "needs both clientCertificatePem and clientKeyPem");
    }
    if (clientCertificatePem().isPresent() != clientKeyPem().isPresent()) {
      violations.add("clientKeyPem", "a client certificate and its key come together");
    }
    clientKeyPem().flatMap(SecretValue::problem).ifPresent(problem -> violations.add("clientKeyPem", problem));
    violations.throwIfAny();
  }
}
