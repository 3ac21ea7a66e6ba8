package io.chainwright.benchmarks;

import io.chainwright.kubernetes.KubernetesBackend;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs every benchmark and prints each result as a ratio against its baseline from the same run. */
public final class RunBenchmarks {
  private RunBenchmarks() {}

  public static void main(String[] args) throws RunnerException {
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(RenderBenchmark.class.getSimpleName())
        .include(ApplyBenchmark.class.getSimpleName())
        .include(DevnetStartBenchmark.class.getSimpleName())
        .include(FirstReceiptBenchmark.class.getSimpleName())
        .build()).run();
    double render = score(results, "RenderBenchmark.chainwright") / score(results, "RenderBenchmark.fabric8Builders");
    double applyNoLatency = score(results, "ApplyBenchmark.sequentialCreate", "0") / score(results, "ApplyBenchmark.chainwright", "0");
    double applyLatency = score(results, "ApplyBenchmark.sequentialCreate", "5") / score(results, "ApplyBenchmark.chainwright", "5");
    System.out.printf(Locale.ROOT, "%nrender, %d objects: Chainwright takes %.2fx the time of fabric8 builders + serialiser (target <= 1.3)%n",
        KubernetesBackend.create().render(SyntheticNetwork.of("bench", RenderBenchmark.WORKLOADS, true)).objects().size(), render);
    int applied = KubernetesBackend.create().render(SyntheticNetwork.of("bench", ApplyBenchmark.WORKLOADS, false)).objects().size();
    System.out.printf(Locale.ROOT, "apply, %d objects, no server latency: Chainwright is %.2fx as fast as sequential creates (target >= 4)%n",
        applied, applyNoLatency);
    System.out.printf(Locale.ROOT, "apply, %d objects, 5 ms per answer: Chainwright is %.2fx as fast as sequential creates (target >= 4)%n",
        applied, applyLatency);
    double devnet = score(results, "DevnetStartBenchmark.hostRuntime") / score(results, "DevnetStartBenchmark.rawSpawnAndPoll");
    System.out.printf(Locale.ROOT, "devnet start to ready: the host runtime takes %.2fx the time of a raw anvil spawn polled every ms (target <= 1.5)%n",
        devnet);
    double receipt = score(results, "FirstReceiptBenchmark.sdk") / score(results, "FirstReceiptBenchmark.rawAnvilAndWeb3j");
    System.out.printf(Locale.ROOT, "start to first mined receipt: the SDK takes %.2fx the time of raw anvil driven by plain web3j%n",
        receipt);
  }

  private static double score(Collection<RunResult> results, String suffix) {
    return score(results, suffix, null);
  }

  private static double score(Collection<RunResult> results, String suffix, String latency) {
    return results.stream().filter(r -> r.getParams().getBenchmark().endsWith(suffix))
        .filter(r -> latency == null || latency.equals(r.getParams().getParam("latencyMillis"))).findFirst()
        .orElseThrow(() -> new IllegalStateException("no result for " + suffix)).getPrimaryResult().getScore();
  }
}
