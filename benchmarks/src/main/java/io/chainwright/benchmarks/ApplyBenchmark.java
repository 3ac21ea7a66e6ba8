package io.chainwright.benchmarks;

import io.chainwright.api.Network;
import io.chainwright.kubernetes.KubernetesBackend;
import io.chainwright.kubernetes.cluster.ApplyMode;
import io.chainwright.kubernetes.cluster.RetryPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deploying 499 objects to fabric8's mock API server (CRUD mode, on loopback), against creating
 * the same objects one after another. Each invocation gets an empty server. With no latency the
 * in-process server answers one request at a time and the run measures client overhead; with a
 * few milliseconds per answer it resembles a real API server, whose latency parallel writes hide.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class ApplyBenchmark {
  /** 166 workloads of three objects each (Deployment, Service, ConfigMap), plus the namespace: 499 objects. */
  static final int WORKLOADS = 166;

  @Param({"0", "5"})
  public int latencyMillis;

  private KubernetesMockServer server;
  private KubernetesClient client;
  private Network network;
  private List<HasMetadata> objects;

  @Setup(Level.Invocation)
  public void startServer() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new SlowCrudDispatcher(Duration.ofMillis(latencyMillis)), false);
    server.init();
    // Configured as the backend configures its default client: as many requests at once.
    client = server.createClient(b -> b.editOrNewConfig().withMaxConcurrentRequestsPerHost(KubernetesBackend.CONCURRENT_REQUESTS).endConfig());
    network = SyntheticNetwork.of("bench", WORKLOADS, false);
    objects = KubernetesBackend.create().render(network).objects();
  }

  @TearDown(Level.Invocation)
  public void stopServer() {
    client.close();
    server.destroy();
  }

  /** Tier by tier, in parallel within a tier, then the prune that lists every kind the network may own. */
  @Benchmark
  public Object chainwright() {
    return KubernetesBackend.builder().client(client).applyMode(ApplyMode.CREATE_OR_UPDATE).retry(RetryPolicy.none()).build()
        .deploy(network).report();
  }

  @Benchmark
  public int sequentialCreate() {
    for (HasMetadata o : objects) {
      client.resource(o).create();
    }
    return objects.size();
  }
}
