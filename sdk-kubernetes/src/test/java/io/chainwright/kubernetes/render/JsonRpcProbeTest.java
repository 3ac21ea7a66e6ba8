package io.chainwright.kubernetes.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Port;
import io.chainwright.api.probe.JsonRpcCheck;
import io.chainwright.api.probe.JsonRpcExpectation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the rendered JSON-RPC probe command in a real shell against a small JSON-RPC server on loopback. */
class JsonRpcProbeTest {
  private final AtomicReference<String> answer = new AtomicReference<>();
  private final AtomicReference<String> received = new AtomicReference<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    boolean tools = onPath("sh") && (onPath("curl") || onPath("wget"));
    String missing = "the probe needs sh and curl or wget, which this machine lacks";
    // CI sets this so that a missing tool fails the build instead of silently skipping.
    assertThat(tools || !"1".equals(System.getenv("CHAINWRIGHT_REQUIRE_TOOLS"))).as(missing).isTrue();
    assumeTrue(tools, missing);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }

  private boolean probePasses(JsonRpcExpectation expect, String reply) throws IOException, InterruptedException {
    answer.set(reply);
    Container c = Container.builder().name("node").image(Image.of("example/node:1"))
        .addPort(Port.tcp("rpc", server.getAddress().getPort())).build();
    List<String> command = ProbeRenderer.jsonRpcCommand(
        JsonRpcCheck.builder().port("rpc").method("eth_syncing").expect(expect).build(), c);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() == 0;
  }

  @Test
  void anEqualsExpectationPassesOnlyOnThatResult() throws Exception {
    assertThat(probePasses(JsonRpcExpectation.equalTo("false"), "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":false}")).isTrue();
    assertThat(received.get()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_syncing\",\"params\":[]}");
    assertThat(probePasses(JsonRpcExpectation.equalTo("false"), "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"currentBlock\":\"0x1\"}}")).isFalse();
    assertThat(probePasses(JsonRpcExpectation.equalTo("\"0x7a69\""), "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": \"0x7a69\"}")).isTrue();
  }

  @Test
  void aNotEqualsExpectationNeedsAResultThatDiffers() throws Exception {
    assertThat(probePasses(JsonRpcExpectation.notEqualTo("\"0x0\""), "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}")).isTrue();
    assertThat(probePasses(JsonRpcExpectation.notEqualTo("\"0x0\""), "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x0\"}")).isFalse();
    assertThat(probePasses(JsonRpcExpectation.notEqualTo("\"0x0\""), "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601}}")).isFalse();
  }

  @Test
  void anyResultFailsOnAnError() throws Exception {
    assertThat(probePasses(JsonRpcExpectation.anyResult(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}")).isTrue();
    assertThat(probePasses(JsonRpcExpectation.anyResult(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601}}")).isFalse();
  }
}
