package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.ethereum.client.BeaconApi;
import io.chainwright.ethereum.client.BeaconHealth;
import io.chainwright.ethereum.client.BeaconSyncStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The beacon client reads the standard health codes and sync status, served here by a stand-in beacon node. */
class BeaconApiTest {
  private final AtomicInteger healthStatus = new AtomicInteger(206);
  private HttpServer server;
  private BeaconApi beacon;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/eth/v1/node/health", exchange -> {
      exchange.sendResponseHeaders(healthStatus.get(), -1);
      exchange.close();
    });
    server.createContext("/eth/v1/node/syncing", exchange -> {
      byte[] body = ("{\"data\":{\"head_slot\":\"123\",\"sync_distance\":\"4\",\"is_syncing\":"
          + (healthStatus.get() == 206) + ",\"is_optimistic\":false,\"el_offline\":false}}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    beacon = BeaconApi.connect(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void healthCodesMeanReadySyncingAndNotReady() {
    healthStatus.set(200);
    assertThat(beacon.health()).isEqualTo(BeaconHealth.READY);
    healthStatus.set(206);
    assertThat(beacon.health()).isEqualTo(BeaconHealth.SYNCING);
    healthStatus.set(503);
    assertThat(beacon.health()).isEqualTo(BeaconHealth.NOT_READY);
  }

  @Test
  void syncStatusReadsTheStandardFields() {
    BeaconSyncStatus status = beacon.syncStatus();
    assertThat(status.headSlot()).isEqualTo(123);
    assertThat(status.syncDistance()).isEqualTo(4);
    assertThat(status.syncing()).isTrue();
  }

  @Test
  void aSyncingNodeTimesOutShowingItsDistance() {
    assertThatThrownBy(() -> beacon.awaitReady(Duration.ofMillis(200), ProgressListener.none()))
        .isInstanceOfSatisfying(AwaitTimeoutException.class,
            e -> assertThat(e.lastState()).isEqualTo("SYNCING, syncing, head slot 123, 4 slots behind"));
  }

  @Test
  void aReadyNodeIsReturnedAtOnce() {
    healthStatus.set(200);
    assertThat(beacon.awaitReady(Duration.ofSeconds(5), ProgressListener.none()).syncing()).isFalse();
  }
}
