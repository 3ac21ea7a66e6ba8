package io.chainwright.l2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.ChainwrightException;
import io.chainwright.api.await.Progress;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.l2.opstack.BlockRef;
import io.chainwright.l2.opstack.OpNodeRpc;
import io.chainwright.l2.opstack.SyncStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The op-node client against a stand-in op-node: a local HTTP server that answers
 * {@code optimism_syncStatus} with the shape op-node returns (L1 refs with hash, number,
 * parentHash and timestamp; L2 refs that add l1origin and sequenceNumber), its safe head advancing
 * one block per request.
 */
class OpNodeRpcTest {
  private final AtomicLong safe = new AtomicLong(100);
  private final AtomicReference<String> override = new AtomicReference<>();
  private final List<String> methods = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private OpNodeRpc node;

  private static String l1(long number, long timestamp) {
    return "{\"hash\":\"0x" + Long.toHexString(number) + "aa\",\"number\":" + number
        + ",\"parentHash\":\"0x" + Long.toHexString(number - 1) + "aa\",\"timestamp\":" + timestamp + "}";
  }

  private static String l2(long number, long origin) {
    return "{\"hash\":\"0x" + Long.toHexString(number) + "bb\",\"number\":" + number
        + ",\"parentHash\":\"0x" + Long.toHexString(number - 1) + "bb\",\"timestamp\":" + (1_700_000_000L + 2 * number)
        + ",\"l1origin\":{\"hash\":\"0x" + Long.toHexString(origin) + "aa\",\"number\":" + origin + "},\"sequenceNumber\":3}";
  }

  private String status() {
    long s = safe.getAndIncrement();
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{"
        + "\"current_l1\":" + l1(5_000_090, 1_700_001_080L) + ",\"current_l1_finalized\":" + l1(5_000_020, 1_700_000_240L)
        + ",\"head_l1\":" + l1(5_000_100, 1_700_001_200L) + ",\"safe_l1\":" + l1(5_000_060, 1_700_000_720L)
        + ",\"finalized_l1\":" + l1(5_000_020, 1_700_000_240L)
        + ",\"unsafe_l2\":" + l2(s + 50, 5_000_089) + ",\"safe_l2\":" + l2(s, 5_000_060)
        + ",\"finalized_l2\":" + l2(s - 40, 5_000_020) + ",\"pending_safe_l2\":" + l2(s, 5_000_060) + "}}";
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      methods.add(request.replaceAll(".*\"method\":\"([^\"]+)\".*", "$1"));
      byte[] body = (override.get() != null ? override.get() : status()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    node = OpNodeRpc.connect(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void readsTheThreeL2HeadsTheL1OriginAndTheLagBehindL1() {
    SyncStatus status = node.syncStatus();

    assertThat(methods).containsExactly("optimism_syncStatus");
    assertThat(status.unsafeL2().number()).isEqualTo(150);
    assertThat(status.safeL2().number()).isEqualTo(100);
    assertThat(status.finalizedL2().number()).isEqualTo(60);
    assertThat(status.l1Origin()).hasValue(new BlockRef.BlockId(5_000_089, "0x4c4b99aa"));
    assertThat(status.l1BlocksBehind()).isEqualTo(10);
    assertThat(status.l1Lag()).isEqualTo(Duration.ofMinutes(2));
    assertThat(status.toString()).isEqualTo(
        "unsafe #150 (L1 origin #5000089), safe #100 (L1 origin #5000060), finalized #60 (L1 origin #5000020), L1 5000090/5000100 (10 behind)");
  }

  @Test
  void awaitsTheSafeHeadReportingEachObservation() {
    List<Progress> seen = new CopyOnWriteArrayList<>();

    SyncStatus reached = node.awaitSafeHead(103, Duration.ofSeconds(30), seen::add);

    assertThat(reached.safeL2().number()).isEqualTo(103);
    assertThat(seen).hasSize(4).last().satisfies(p -> assertThat(p.ready()).isTrue());
    assertThat(seen.get(0).state()).startsWith("unsafe #150").contains("safe #100");
  }

  @Test
  void aSafeHeadNeverReachedTimesOutNamingTheLastStatus() {
    assertThatThrownBy(() -> node.awaitSafeHead(1_000_000, Duration.ofMillis(200), ProgressListener.none()))
        .isInstanceOfSatisfying(AwaitTimeoutException.class, e -> {
          assertThat(e.awaited()).endsWith("safe head at 1000000");
          assertThat(e.lastState()).contains("L1 5000090/5000100 (10 behind)");
        });
  }

  @Test
  void aJsonRpcErrorIsReportedWithItsCodeAndMessage() {
    override.set("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"the method optimism_syncStatus does not exist\"}}");

    assertThatThrownBy(node::syncStatus).isInstanceOf(ChainwrightException.class)
        .hasMessageContaining("answered error -32601: the method optimism_syncStatus does not exist");
  }
}
