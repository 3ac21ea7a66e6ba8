package io.chainwright.fabric.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainwright.api.PlatformException;
import io.chainwright.fabric.crypto.LowS;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A client for a Fabric CA's REST API over TLS that it verifies: enroll an identity with its
 * enrollment secret (a fresh P-256 key, whose certificate signing request the CA signs), reenroll it
 * for a new key, and register and revoke identities as a registrar, who proves itself with a token
 * signed by its enrolled key.
 *
 * <pre>{@code
 * try (FabricCaClient ca = FabricCaClient.connect(Endpoint.parse("ca.org1:7054"), ClientTls.trusting(tlsRoot),
 *     Optional.of("ca-org1"), Duration.ofSeconds(10))) {
 *   CaEnrollment admin = ca.enroll("admin", "adminpw");
 *   String secret = ca.register(admin, CaRegistration.of("peer1", "peer"));
 *   CaEnrollment peer = ca.enroll("peer1", secret);
 * }
 * }</pre>
 */
public final class FabricCaClient implements AutoCloseable {
  private static final String API = "/api/v1/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Endpoint endpoint;
  private final Optional<String> caName;
  private final Duration timeout;
  private final HttpClient http;
  private final String node;

  private FabricCaClient(Endpoint endpoint, Optional<String> caName, Duration timeout, HttpClient http) {
    this.endpoint = endpoint;
    this.caName = caName;
    this.timeout = timeout;
    this.http = http;
    this.node = "Fabric CA " + endpoint + caName.map(n -> " (" + n + ")").orElse("");
  }

  /**
   * A client for the CA at {@code endpoint}, or for the CA called {@code caName} among those the
   * server hosts; every call gives up after {@code timeout}.
   */
  public static FabricCaClient connect(Endpoint endpoint, ClientTls tls, Optional<String> caName, Duration timeout) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(caName, "caName");
    Objects.requireNonNull(timeout, "timeout");
    try {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .sslContext(TlsContexts.sslContext(tls, endpoint)).connectTimeout(timeout).build();
      return new FabricCaClient(endpoint, caName, timeout, http);
    } catch (GeneralSecurityException e) {
      throw new PlatformException("set up TLS for", "Fabric CA " + endpoint, e.getMessage(), e);
    }
  }

  /** Enrolls {@code id} with its enrollment secret: a new key, and the certificate the CA issues for it. */
  public CaEnrollment enroll(String id, String secret) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(secret, "secret");
    KeyPair keys = CaRequests.newKeyPair();
    ObjectNode body = JSON.createObjectNode().put("certificate_request", CaRequests.csrPem(id, keys));
    caName.ifPresent(n -> body.put("caname", n));
    String basic = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    JsonNode result = send("enroll '" + id + "' at", request(API + "enroll").header("Authorization", "Basic " + basic), bytes(body));
    return new CaEnrollment(id, CaRequests.certificate(decode(result.path("Cert").asText())), keys.getPrivate(),
        CaRequests.certificates(decode(result.path("ServerInfo").path("CAChain").asText())));
  }

  /**
   * Registers a new identity, as {@code registrar}; returns its enrollment secret, the one given or
   * one the CA made up.
   */
  public String register(CaEnrollment registrar, CaRegistration registration) {
    Objects.requireNonNull(registrar, "registrar");
    Objects.requireNonNull(registration, "registration");
    return signed("register '" + registration.id() + "' as '" + registrar.id() + "' at", "register", registrar,
        bytes(registration.toJson(JSON))).path("secret").asText();
  }

  /**
   * A new certificate for {@code current}'s identity, for a new key: how a node's certificate is
   * rotated through its CA. The current enrollment signs the request.
   */
  public CaEnrollment reenroll(CaEnrollment current) {
    Objects.requireNonNull(current, "current");
    KeyPair keys = CaRequests.newKeyPair();
    byte[] json = bytes(JSON.createObjectNode().put("certificate_request", CaRequests.csrPem(current.id(), keys)));
    JsonNode result = signed("reenroll '" + current.id() + "' at", "reenroll", current, json);
    return new CaEnrollment(current.id(), CaRequests.certificate(decode(result.path("Cert").asText())), keys.getPrivate(),
        CaRequests.certificates(decode(result.path("ServerInfo").path("CAChain").asText())));
  }

  /** Revokes every certificate of identity {@code id}, as {@code revoker}, for {@code reason} (RFC 5280's, e.g. {@code keycompromise}). */
  public void revoke(CaEnrollment revoker, String id, String reason) {
    Objects.requireNonNull(revoker, "revoker");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    signed("revoke '" + id + "' as '" + revoker.id() + "' at", "revoke", revoker, bytes(JSON.createObjectNode().put("id", id).put("reason", reason)));
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /** Posts {@code body} to {@code operation} with {@code signer}'s token; the CA is named in the query, which the token covers. */
  private JsonNode signed(String description, String operation, CaEnrollment signer, byte[] body) {
    String file = API + operation + caName.map(n -> "?ca=" + URLEncoder.encode(n, StandardCharsets.UTF_8)).orElse("");
    return send(description, request(file).header("Authorization", token(signer, "POST", file, body)), body);
  }

  /**
   * The token a Fabric CA 1.4 or later checks: the registrar's certificate and its signature (ECDSA
   * over SHA-256, low S) of {@code method.base64(file).base64(body).base64(certificate)}, where the
   * file is the path with its query.
   */
  static String token(CaEnrollment registrar, String method, String file, byte[] body) {
    Base64.Encoder b64 = Base64.getEncoder();
    String cert = b64.encodeToString(registrar.certificatePem().getBytes(StandardCharsets.UTF_8));
    String payload = method + "." + b64.encodeToString(file.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(body) + "." + cert;
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(registrar.privateKey());
      signer.update(payload.getBytes(StandardCharsets.UTF_8));
      return cert + "." + b64.encodeToString(LowS.normalize(signer.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + registrar.id() + "'s key: " + e.getMessage(), e);
    }
  }

  private HttpRequest.Builder request(String file) {
    return HttpRequest.newBuilder(URI.create("https://" + endpoint + file)).timeout(timeout)
        .header("Content-Type", "application/json").header("Accept", "application/json");
  }

  /** Posts {@code body}; the CA answers {@code {success, result, errors: [{code, message}], messages}}. */
  private JsonNode send(String operation, HttpRequest.Builder request, byte[] body) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw Failures.of(operation, node, timeout, e);
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new PlatformException(operation, node, "HTTP " + response.statusCode() + ", not a CA answer");
    }
    if (response.statusCode() != 200 || !answer.path("success").asBoolean(false)) {
      StringBuilder reason = new StringBuilder("HTTP " + response.statusCode());
      answer.path("errors").forEach(e -> reason.append("; code ").append(e.path("code").asInt()).append(": ").append(e.path("message").asText()));
      throw new PlatformException(operation, node, reason.toString());
    }
    return answer.path("result");
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "FabricCaClient[" + node + "]";
  }
}
