package io.chainwright.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints each measured figure as a ratio to its baseline from the same run,
 * since absolute times say more about the machine than about the code.
 */
public final class RunBenchmarks {
  /** Benchmark to the baseline it is compared with. */
  private static final Map<String, String> BASELINES = Map.of(
      "DevnetStartBenchmark.hostRuntime", "DevnetStartBenchmark.rawSpawnAndPoll");

  private RunBenchmarks() {}

  public static void main(String[] args) throws RunnerException {
    String include = args.length > 0 ? args[0] : ".*";
    Collection<RunResult> results = new Runner(new OptionsBuilder().include(include).build()).run();
    Map<String, Double> scores = new TreeMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      scores.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), r.getPrimaryResult().getScore());
    }
    BASELINES.forEach((measured, baseline) -> {
      if (scores.containsKey(measured) && scores.containsKey(baseline)) {
        System.out.printf(Locale.ROOT, "%s / %s = %.2f (%.1f vs %.1f %s)%n", measured, baseline,
            scores.get(measured) / scores.get(baseline), scores.get(measured), scores.get(baseline), "ms");
      }
    });
  }
}
