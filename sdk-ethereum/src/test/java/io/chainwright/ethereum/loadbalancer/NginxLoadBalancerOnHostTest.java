package io.chainwright.ethereum.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.await.ProgressListener;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.ethereum.ContainerLayout;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated nginx.conf, run by a real nginx in front of two real anvil nodes. */
class NginxLoadBalancerOnHostTest {
  private static final String CHAIN_ID = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Starts nginx on the generated configuration, with its scratch paths moved into the test's folder. */
  private Process nginx(Path binary, RpcLoadBalancer lb) throws IOException {
    Path scratch = Files.createDirectories(dir.resolve("tmp"));
    String conf = lb.nginxConf().replace(ContainerLayout.TMP + "/", scratch + "/");
    Path file = dir.resolve("nginx.conf");
    Files.writeString(file, conf);
    return new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", file.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.log").toFile()).start();
  }

  private void awaitHealthy(URI health, Process nginx) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    long pause = 5;
    while (true) {
      try {
        if (get(health).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // nginx is not listening yet
      }
      if (!nginx.isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError("nginx did not become healthy: " + Files.readString(dir.resolve("nginx.log")));
      }
      Thread.sleep(pause);
      pause = Math.min(pause * 2, 200);
    }
  }

  private static void stop(Process nginx) throws InterruptedException {
    List<ProcessHandle> workers = nginx.descendants().toList();
    nginx.destroy();
    if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
      nginx.destroyForcibly();
    }
    workers.forEach(ProcessHandle::destroy);
  }

  @Test
  void balancesAcrossTwoAnvilsRefusesNonPostRateLimitsAndSurvivesANodeLoss() throws Exception {
    Path nginxBinary = TestTools.systemProgram("nginx", "nginx-light");
    HostRuntime runtime = HostRuntime.builder().binary("anvil", TestTools.anvil()).build();
    HostDeployment a = runtime.deploy(AnvilDevnet.builder().name("node-a").build().toNetwork(), ProgressListener.none());
    HostDeployment b = runtime.deploy(AnvilDevnet.builder().name("node-b").build().toNetwork(), ProgressListener.none());
    Process nginx = null;
    List<Long> pids = new ArrayList<>();
    try {
      a.awaitReady(Duration.ofSeconds(30), ProgressListener.none());
      b.awaitReady(Duration.ofSeconds(30), ProgressListener.none());
      URI upstreamA = a.endpoint("node-a", "rpc");
      URI upstreamB = b.endpoint("node-b", "rpc");
      RpcLoadBalancer lb = RpcLoadBalancer.builder().port(freePort())
          .addUpstreams(URI.create("http://" + upstreamA.getHost() + ":" + upstreamA.getPort()),
              URI.create("http://" + upstreamB.getHost() + ":" + upstreamB.getPort()))
          .rateLimitPerSecond(1).burst(5).maxFails(1).failTimeoutSeconds(30).build();
      nginx = nginx(nginxBinary, lb);
      pids.add(nginx.pid());
      nginx.descendants().forEach(p -> pids.add(p.pid()));
      URI base = URI.create("http://127.0.0.1:" + lb.port());
      awaitHealthy(base.resolve("/healthz"), nginx);

      HttpResponse<String> answer = post(base, CHAIN_ID);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("\"result\":\"0x7a69\"");
      assertThat(get(base).statusCode()).as("GET is not JSON-RPC").isEqualTo(403);

      // One node goes away; the balancer moves on to the other instead of failing the request.
      a.close();
      assertThat(post(base, CHAIN_ID).statusCode()).isEqualTo(200);

      // At one request a second with a burst of five, twenty quick requests cannot all pass.
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        statuses.add(post(base, CHAIN_ID).statusCode());
      }
      assertThat(statuses).contains(429);
      assertThat(get(base.resolve("/healthz")).statusCode()).as("health is not rate-limited").isEqualTo(200);
    } finally {
      if (nginx != null) {
        stop(nginx);
      }
      a.close();
      b.close();
    }
    assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
  }
}
