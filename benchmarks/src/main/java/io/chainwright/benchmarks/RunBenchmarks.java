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
        .build()).run();
    double render = score(results, "RenderBenchmark.chainwright") / score(results, "RenderBenchmark.fabric8Builders");
    double apply = score(results, "ApplyBenchmark.sequentialCreate") / score(results, "ApplyBenchmark.chainwright");
    System.out.printf(Locale.ROOT, "%nrender, %d objects: Chainwright takes %.2fx the time of fabric8 builders + serialiser (target <= 1.3)%n",
        KubernetesBackend.create().render(SyntheticNetwork.of("bench", RenderBenchmark.WORKLOADS, true)).objects().size(), render);
    System.out.printf(Locale.ROOT, "apply, %d objects: Chainwright is %.2fx faster than sequential creates (target >= 4)%n",
        KubernetesBackend.create().render(SyntheticNetwork.of("bench", ApplyBenchmark.WORKLOADS, false)).objects().size(), apply);
  }

  private static double score(Collection<RunResult> results, String suffix) {
    return results.stream().filter(r -> r.getParams().getBenchmark().endsWith(suffix)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no result for " + suffix)).getPrimaryResult().getScore();
  }
}
