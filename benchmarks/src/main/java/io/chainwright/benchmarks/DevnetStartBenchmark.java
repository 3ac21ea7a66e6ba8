package io.chainwright.benchmarks;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Devnet start to ready: one anvil through the host runtime, against the same binary spawned by
 * hand and polled with {@code eth_chainId} until it answers. Stopping is outside the measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DevnetStartBenchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String CHAIN_ID = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";

  private final AnvilRuns runs = new AnvilRuns();
  private Network devnet;

  @Setup(Level.Trial)
  public void describeDevnet() {
    devnet = Network.builder().name("bench").addWorkload(Workload.builder().name("anvil")
        .addContainer(Container.builder().name("anvil").image(Image.of("ghcr.io/foundry-rs/foundry:v1.7.1"))
            .addCommand("anvil").addArgs("--host", "0.0.0.0", "--port", "8545", "--silent")
            .addPort(Port.tcp("rpc", 8545))
            .readiness(Probe.jsonRpc("rpc", "eth_chainId", JsonRpcExpectation.equalTo("\"0x7a69\"")))
            .build())
        .build()).build();
  }

  @Benchmark
  public URI hostRuntime() {
    return runs.deploy(devnet, Duration.ofSeconds(30)).endpoint("anvil", "rpc");
  }

  @Benchmark
  public URI rawSpawnAndPoll() throws IOException, InterruptedException {
    int port = runs.spawnRaw();
    URI rpc = URI.create("http://127.0.0.1:" + port);
    HttpRequest request = HttpRequest.newBuilder(rpc).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(CHAIN_ID)).build();
    while (true) {
      try {
        if (HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body().contains("0x7a69")) {
          return rpc;
        }
      } catch (IOException notYet) {
        Thread.sleep(1);
      }
    }
  }

  @TearDown(Level.Invocation)
  public void stop() throws InterruptedException {
    runs.stop();
  }
}
