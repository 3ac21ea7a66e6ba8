package io.chainwright.l2.opstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainwright.api.NodeCallException;
import io.chainwright.api.RenderException;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Observation;
import io.chainwright.api.await.ProgressListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client for op-node's JSON-RPC: its sync status (unsafe, safe and finalized L2 heads, the L1
 * origin), how far it trails L1, and a wait for the safe head.
 *
 * <pre>{@code
 * OpNodeRpc node = OpNodeRpc.connect(deployment.endpoint("op-sepolia-op-node", "rpc"));
 * SyncStatus status = node.awaitSafeHead(1_000_000, Duration.ofMinutes(30), ProgressListener.logging());
 * }</pre>
 */
public final class OpNodeRpc {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final HttpClient http;
  private final AtomicLong ids = new AtomicLong();

  private OpNodeRpc(URI endpoint, HttpClient http) {
    this.endpoint = endpoint;
    this.http = http;
  }

  /** A client for op-node's RPC at {@code endpoint}, e.g. a deployment's {@code rpc} endpoint of the op-node workload. */
  public static OpNodeRpc connect(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return new OpNodeRpc(endpoint, HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build());
  }

  public URI endpoint() {
    return endpoint;
  }

  /** The node's sync status right now. */
  public SyncStatus syncStatus() {
    JsonNode r = call("optimism_syncStatus");
    return new SyncStatus(block(r, "current_l1"), block(r, "head_l1"), block(r, "unsafe_l2"), block(r, "safe_l2"), block(r, "finalized_l2"));
  }

  /** L1 blocks between what the node has derived and the L1 head, right now. */
  public long l1BlocksBehind() {
    return syncStatus().l1BlocksBehind();
  }

  /** Waits until the safe L2 head (derived from L1 data) reaches {@code block}, reporting each observation. */
  public SyncStatus awaitSafeHead(long block, Duration timeout, ProgressListener listener) {
    return Await.of("op-node " + endpoint + " safe head at " + block).timeout(timeout).listener(listener)
        .retryingOn(NodeCallException.class).until(() -> {
          SyncStatus status = syncStatus();
          return Observation.of(status.safeL2().number() >= block, status, status.toString());
        });
  }

  private JsonNode call(String method) {
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", ids.incrementAndGet(), "method", method, "params", new Object[0]));
    } catch (IOException e) {
      throw new RenderException("Cannot write a " + method + " request: " + e.getMessage(), e);
    }
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> reply;
    try {
      reply = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NodeCallException(endpoint.toString(), method, null, String.valueOf(e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeCallException(endpoint.toString(), method, null, "interrupted", e);
    }
    if (reply.statusCode() != 200) {
      throw new NodeCallException(endpoint.toString(), method, reply.statusCode(), "answered HTTP " + reply.statusCode());
    }
    try {
      JsonNode json = JSON.readTree(reply.body());
      if (json.hasNonNull("error")) {
        throw new NodeCallException(endpoint.toString(), method, json.path("error").path("code").asInt(), "answered error "
            + json.path("error").path("code").asInt() + ": " + json.path("error").path("message").asText());
      }
      if (!json.hasNonNull("result")) {
        throw new NodeCallException(endpoint.toString(), method, null, "answered no result");
      }
      return json.get("result");
    } catch (IOException e) {
      throw new NodeCallException(endpoint.toString(), method, null, "answered no JSON: " + e.getMessage(), e);
    }
  }

  private BlockRef block(JsonNode status, String field) {
    JsonNode b = status.path(field);
    if (!b.isObject()) {
      throw new NodeCallException(endpoint.toString(), "optimism_syncStatus", null, "the answer has no " + field);
    }
    JsonNode origin = b.path("l1origin");
    Optional<BlockRef.BlockId> l1Origin = origin.isObject()
        ? Optional.of(new BlockRef.BlockId(origin.path("number").asLong(), origin.path("hash").asText()))
        : Optional.empty();
    return new BlockRef(b.path("number").asLong(), b.path("hash").asText(), b.path("timestamp").asLong(), l1Origin);
  }
}
