package io.chainwright.fabric.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainwright.api.PlatformException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A client for an orderer's channel participation API (the admin endpoint, mutual TLS): join a
 * channel with its config block, list channels, read one, remove one.
 *
 * <pre>{@code
 * try (OrdererAdmin admin = OrdererAdmin.connect(adminEndpoint,
 *     ClientTls.trusting(tlsCa).withClientCertificate(cert, key), Duration.ofSeconds(10))) {
 *   OrdererChannel joined = admin.join(genesisBlock);
 * }
 * }</pre>
 */
public final class OrdererAdmin implements AutoCloseable {
  private static final String CHANNELS = "/participation/v1/channels";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Endpoint endpoint;
  private final Duration timeout;
  private final HttpClient http;
  private final String node;

  private OrdererAdmin(String node, Endpoint endpoint, Duration timeout, HttpClient http) {
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.http = http;
    this.node = node;
  }

  /** A client for the admin endpoint at {@code endpoint}; every call gives up after {@code timeout}. */
  public static OrdererAdmin connect(Endpoint endpoint, ClientTls tls, Duration timeout) {
    return open(NodeNames.of("orderer", null, endpoint), endpoint, tls, timeout);
  }

  /** As {@link #connect(Endpoint, ClientTls, Duration)}, naming the orderer in errors, e.g. {@code orderer0 of ord}. */
  public static OrdererAdmin connect(String name, Endpoint endpoint, ClientTls tls, Duration timeout) {
    return open(NodeNames.of("orderer", name, endpoint), endpoint, tls, timeout);
  }

  private static OrdererAdmin open(String node, Endpoint endpoint, ClientTls tls, Duration timeout) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(timeout, "timeout");
    try {
      HttpClient http = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .sslContext(TlsContexts.sslContext(tls, endpoint))
          .connectTimeout(timeout)
          .build();
      return new OrdererAdmin(node, endpoint, timeout, http);
    } catch (GeneralSecurityException e) {
      throw new PlatformException("set up TLS for", node, e.getMessage(), e);
    }
  }

  /** Joins the channel whose config (genesis or latest config) block is {@code configBlock}. */
  public OrdererChannel join(byte[] configBlock) {
    String operation = "join channel " + ConfigBlocks.channelId(configBlock).orElse("(unnamed config block)") + " on";
    String boundary = "chainwright-" + UUID.randomUUID();
    HttpRequest request = request(CHANNELS)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, configBlock)))
        .build();
    return channelInfo(send(operation, request, 201));
  }

  /** The names of the channels this orderer serves. */
  public List<String> channels() {
    JsonNode list = send("list channels on", request(CHANNELS).GET().build(), 200);
    List<String> names = new ArrayList<>();
    for (JsonNode channel : list.path("channels")) {
      names.add(channel.path("name").asText());
    }
    return List.copyOf(names);
  }

  /** What the orderer reports about {@code channel}; fails when it does not serve it. */
  public OrdererChannel channel(String channel) {
    return channelInfo(send("read channel " + channel + " on", request(CHANNELS + "/" + path(channel)).GET().build(), 200));
  }

  /** Removes {@code channel} from this orderer, deleting its ledger there. */
  public void remove(String channel) {
    send("remove channel " + channel + " from", request(CHANNELS + "/" + path(channel)).DELETE().build(), 204);
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("https://" + endpoint + path)).timeout(timeout).header("Accept", "application/json");
  }

  private JsonNode send(String operation, HttpRequest request, int expected) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw Failures.of(operation, node, timeout, e);
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() != expected) {
      String reason = body.path("error").asText(new String(response.body(), StandardCharsets.UTF_8).strip());
      throw new PlatformException(operation, node, "HTTP " + response.statusCode() + (reason.isEmpty() ? "" : " " + reason));
    }
    return body;
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static OrdererChannel channelInfo(JsonNode info) {
    return new OrdererChannel(info.path("name").asText(), info.path("consensusRelation").asText(),
        info.path("status").asText(), info.path("height").asLong());
  }

  private static String path(String channel) {
    return URLEncoder.encode(channel, StandardCharsets.UTF_8);
  }

  /** A multipart form with the single field the API reads, {@code config-block}. */
  private static byte[] multipart(String boundary, byte[] block) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"config-block\"; filename=\"config.block\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(block);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /** Releases the HTTP client's connections and threads. */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "OrdererAdmin[" + endpoint + "]";
  }
}
