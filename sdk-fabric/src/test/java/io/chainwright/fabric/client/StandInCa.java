package io.chainwright.fabric.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * A served exchange standing in for fabric-ca-server, which this machine has no binary of: the
 * enroll and register endpoints as the official Java CA client (fabric-sdk-java 2.2.26's
 * HFCAClient) speaks to them. Enroll takes basic authentication and a PEM certificate request whose
 * common name is the id, checks the request's signature and answers with the issued certificate
 * and the CA chain; register, reenroll and revoke check the token (a certificate from this CA, not
 * revoked, and its signature of method, path with query, body and certificate), and that a
 * registrar registers and revokes.
 */
final class StandInCa implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final TestPki.Issued ca;
  final Map<String, String> secrets = new ConcurrentHashMap<>();
  final Set<String> registrars = ConcurrentHashMap.newKeySet();
  final List<String> queries = new CopyOnWriteArrayList<>();
  final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final HttpsServer https;

  StandInCa(TestPki.Issued tlsServer, TestPki.Issued ca) throws Exception {
    this.ca = ca;
    https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(TestServers.keyManagers(tlsServer).getKeyManagers(), null, null);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    https.createContext("/api/v1/enroll", exchange -> answer(exchange, this::enroll));
    https.createContext("/api/v1/register", exchange -> answer(exchange, this::register));
    https.createContext("/api/v1/reenroll", exchange -> answer(exchange, this::reenroll));
    https.createContext("/api/v1/revoke", exchange -> answer(exchange, this::revoke));
    https.start();
  }

  int port() {
    return https.getAddress().getPort();
  }

  /** What the CA answers: a result, or an error with its HTTP status, code and message. */
  private record Answer(int status, JsonNode result, int code, String message) {
    static Answer ok(JsonNode result) {
      return new Answer(200, result, 0, null);
    }

    static Answer error(int status, int code, String message) {
      return new Answer(status, null, code, message);
    }
  }

  private interface Handler {
    Answer handle(HttpExchange exchange, byte[] body) throws Exception;
  }

  private static void answer(HttpExchange exchange, Handler handler) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Answer answer;
    try {
      answer = handler.handle(exchange, body);
    } catch (Exception e) {
      answer = Answer.error(400, 0, e.getMessage());
    }
    ObjectNode json = JSON.createObjectNode().put("success", answer.result() != null);
    json.set("result", answer.result());
    if (answer.result() == null) {
      json.putArray("errors").addObject().put("code", answer.code()).put("message", answer.message());
    } else {
      json.putArray("errors");
    }
    json.putArray("messages");
    byte[] out = JSON.writeValueAsBytes(json);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), out.length);
    exchange.getResponseBody().write(out);
    exchange.close();
  }

  private Answer enroll(HttpExchange exchange, byte[] body) throws Exception {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return Answer.error(401, 20, "Authorization failure");
    }
    String[] credentials = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
    if (credentials.length != 2 || !credentials[1].equals(secrets.get(credentials[0]))) {
      return Answer.error(401, 20, "Authentication failure");
    }
    return issue(credentials[0], JSON.readTree(body));
  }

  /** The certificate for the request in {@code request}, whose common name must be {@code id}. */
  private Answer issue(String id, JsonNode request) throws Exception {
    PKCS10CertificationRequest csr;
    try (PEMParser parser = new PEMParser(new StringReader(request.path("certificate_request").asText()))) {
      csr = (PKCS10CertificationRequest) parser.readObject();
    }
    JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(csr);
    if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(jca.getPublicKey()))) {
      return Answer.error(400, 0, "the certificate request's signature is not valid");
    }
    String commonName = csr.getSubject().toString().replaceFirst("^CN=", "");
    if (!commonName.equals(id)) {
      return Answer.error(400, 0, "the request's common name " + commonName + " is not the id " + id);
    }
    X509Certificate issued = TestPki.issueFor(ca, id, jca.getPublicKey());
    ObjectNode result = JSON.createObjectNode().put("Cert", b64(CaRequests.pem(issued)));
    result.putObject("ServerInfo").put("CAName", "stand-in").put("CAChain", b64(CaRequests.pem(ca.certificate())));
    return Answer.ok(result);
  }

  /** The id of whoever signed the request's token, or empty when the token is missing, foreign, forged or revoked. */
  private Optional<String> signer(HttpExchange exchange, byte[] body) throws Exception {
    String token = exchange.getRequestHeaders().getFirst("Authorization");
    String[] parts = token == null ? new String[0] : token.split("\\.");
    if (parts.length != 2) {
      return Optional.empty();
    }
    X509Certificate certificate = CaRequests.certificate(new String(Base64.getDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    certificate.verify(ca.certificate().getPublicKey());
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      queries.add(query);
    }
    String file = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
    Base64.Encoder b64 = Base64.getEncoder();
    String payload = exchange.getRequestMethod() + "." + b64.encodeToString(file.getBytes(StandardCharsets.UTF_8))
        + "." + b64.encodeToString(body) + "." + parts[0];
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(payload.getBytes(StandardCharsets.UTF_8));
    String id = certificate.getSubjectX500Principal().getName().replaceFirst("^CN=", "");
    return verifier.verify(Base64.getDecoder().decode(parts[1])) && !revoked.contains(id) ? Optional.of(id) : Optional.empty();
  }

  private Answer register(HttpExchange exchange, byte[] body) throws Exception {
    Optional<String> registrar = signer(exchange, body);
    if (registrar.isEmpty()) {
      return Answer.error(401, 20, "the token's signature does not match");
    }
    if (!registrars.contains(registrar.get())) {
      return Answer.error(401, 20, "'" + registrar.get() + "' may not register identities");
    }
    JsonNode request = JSON.readTree(body);
    String id = request.path("id").asText();
    if (secrets.containsKey(id)) {
      return Answer.error(400, 74, "Identity '" + id + "' is already registered");
    }
    String secret = request.hasNonNull("secret") ? request.get("secret").asText() : UUID.randomUUID().toString().substring(0, 12);
    secrets.put(id, secret);
    return Answer.ok(JSON.createObjectNode().put("secret", secret));
  }

  private Answer reenroll(HttpExchange exchange, byte[] body) throws Exception {
    Optional<String> caller = signer(exchange, body);
    if (caller.isEmpty()) {
      return Answer.error(401, 20, "the token's signature does not match, or its identity is revoked");
    }
    return issue(caller.get(), JSON.readTree(body));
  }

  private Answer revoke(HttpExchange exchange, byte[] body) throws Exception {
    Optional<String> revoker = signer(exchange, body);
    if (revoker.isEmpty() || !registrars.contains(revoker.get())) {
      return Answer.error(401, 20, "may not revoke");
    }
    JsonNode request = JSON.readTree(body);
    if (!request.hasNonNull("reason")) {
      return Answer.error(400, 0, "no reason");
    }
    revoked.add(request.path("id").asText());
    secrets.remove(request.path("id").asText());
    return Answer.ok(JSON.createObjectNode());
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    https.stop(0);
  }
}
