package io.chainwright.benchmarks;

import io.chainwright.api.Network;
import io.chainwright.kubernetes.KubernetesBackend;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Rendering a network of 2,003 objects to YAML, against building the same objects with fabric8's builders and serialiser. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(1)
public class RenderBenchmark {
  static final int WORKLOADS = 400;

  private Network network;
  private KubernetesBackend backend;
  private KubernetesSerialization serialization;

  @Setup
  public void setUp() {
    network = SyntheticNetwork.of("bench", WORKLOADS, true);
    backend = KubernetesBackend.create();
    serialization = new KubernetesSerialization();
  }

  /** The whole network file: render every object, then write it as multi-document YAML. */
  @Benchmark
  public String chainwright() {
    return backend.render(network).yaml();
  }

  @Benchmark
  public String fabric8Builders() {
    StringBuilder out = new StringBuilder();
    for (HasMetadata o : DirectBuilders.build("bench", WORKLOADS)) {
      out.append(serialization.asYaml(o));
    }
    return out.toString();
  }
}
