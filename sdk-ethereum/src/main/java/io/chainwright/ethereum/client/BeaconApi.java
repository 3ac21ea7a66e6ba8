package io.chainwright.ethereum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainwright.api.NodeCallException;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Observation;
import io.chainwright.api.await.ProgressListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * A client for a consensus client's standard beacon HTTP API: health (200 ready, 206 syncing,
 * otherwise not ready) and sync status.
 */
public final class BeaconApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final HttpClient http;

  private BeaconApi(URI endpoint, HttpClient http) {
    this.endpoint = endpoint;
    this.http = http;
  }

  /** A client for the beacon API at {@code endpoint}, e.g. a deployment's {@code http} endpoint of a consensus client. */
  public static BeaconApi connect(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return new BeaconApi(endpoint, HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build());
  }

  /** The node's health right now. */
  public BeaconHealth health() {
    int status = get("/eth/v1/node/health").statusCode();
    return switch (status) {
      case 200 -> BeaconHealth.READY;
      case 206 -> BeaconHealth.SYNCING;
      default -> BeaconHealth.NOT_READY;
    };
  }

  /** The node's sync status right now. */
  public BeaconSyncStatus syncStatus() {
    HttpResponse<String> reply = get("/eth/v1/node/syncing");
    if (reply.statusCode() != 200) {
      throw new NodeCallException(endpoint.toString(), "GET /eth/v1/node/syncing", reply.statusCode(), "answered " + reply.statusCode());
    }
    try {
      JsonNode data = JSON.readTree(reply.body()).path("data");
      return new BeaconSyncStatus(data.path("head_slot").asLong(), data.path("sync_distance").asLong(),
          data.path("is_syncing").asBoolean(), data.path("is_optimistic").asBoolean(), data.path("el_offline").asBoolean());
    } catch (IOException e) {
      throw new NodeCallException(endpoint.toString(), "GET /eth/v1/node/syncing", null, "answered no JSON: " + e.getMessage(), e);
    }
  }

  /** Waits until the node's health is {@link BeaconHealth#READY}, reporting each observation to {@code listener}. */
  public BeaconSyncStatus awaitReady(Duration timeout, ProgressListener listener) {
    return Await.of("beacon node " + endpoint + " ready").timeout(timeout).listener(listener)
        .retryingOn(NodeCallException.class).until(() -> {
          BeaconHealth health = health();
          if (health == BeaconHealth.READY) {
            BeaconSyncStatus status = syncStatus();
            return Observation.done(status, health + ", " + status);
          }
          return Observation.waiting(health + (health == BeaconHealth.NOT_READY ? "" : ", " + syncStatus()));
        });
  }

  private HttpResponse<String> get(String path) {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json").GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NodeCallException(endpoint.toString(), "GET " + path, null, String.valueOf(e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeCallException(endpoint.toString(), "GET " + path, null, "interrupted", e);
    }
  }
}
