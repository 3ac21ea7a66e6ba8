package io.chainwright.benchmarks;

import io.chainwright.fabric.devnet.FabricBinaries;
import io.chainwright.kubernetes.KubernetesBackend;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints each result as a ratio against its baseline from the same run.
 * With arguments, runs only the benchmark classes named, e.g. {@code FabricCryptoBenchmark}
 * (separate arguments, or one comma-separated).
 */
public final class RunBenchmarks {
  private static final List<Class<?>> ALL = List.of(RenderBenchmark.class, ApplyBenchmark.class, DevnetStartBenchmark.class,
      FirstReceiptBenchmark.class, FabricCryptoBenchmark.class, FabricGenesisBenchmark.class, FabricDevnetBenchmark.class);

  private RunBenchmarks() {}

  public static void main(String[] args) throws RunnerException {
    // Names may come one per argument or comma-separated in one (as Maven passes -Dbenchmarks).
    List<String> only = Arrays.stream(args).flatMap(a -> Arrays.stream(a.split(","))).map(String::strip).filter(a -> !a.isEmpty()).toList();
    OptionsBuilder options = new OptionsBuilder();
    int included = 0;
    for (Class<?> benchmark : ALL) {
      if (!only.isEmpty() && !only.contains(benchmark.getSimpleName())) {
        continue;
      }
      if (benchmark == FabricDevnetBenchmark.class && FabricBinaries.find().isEmpty()) {
        System.out.println("Skipping FabricDevnetBenchmark: Fabric peer and orderer not found in FABRIC_BIN or on PATH");
        continue;
      }
      options.include(benchmark.getSimpleName());
      included++;
    }
    if (included == 0) {
      // JMH would run every benchmark it knows when given none.
      System.out.println("No benchmark to run (asked for " + only + ")");
      return;
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    System.out.println();
    ratio(results, "RenderBenchmark.fabric8Builders", "RenderBenchmark.chainwright", null).ifPresent(render ->
        System.out.printf(Locale.ROOT, "render, %d objects: Chainwright takes %.2fx the time of fabric8 builders + serialiser (target <= 1.3)%n",
            KubernetesBackend.create().render(SyntheticNetwork.of("bench", RenderBenchmark.WORKLOADS, true)).objects().size(), render));
    for (String latency : List.of("0", "5")) {
      ratio(results, "ApplyBenchmark.chainwright", "ApplyBenchmark.sequentialCreate", latency).ifPresent(apply ->
          System.out.printf(Locale.ROOT, "apply, %d objects, %s: Chainwright is %.2fx as fast as sequential creates (target >= 4)%n",
              KubernetesBackend.create().render(SyntheticNetwork.of("bench", ApplyBenchmark.WORKLOADS, false)).objects().size(),
              latency.equals("0") ? "no server latency" : latency + " ms per answer", apply));
    }
    ratio(results, "DevnetStartBenchmark.rawSpawnAndPoll", "DevnetStartBenchmark.hostRuntime", null).ifPresent(devnet ->
        System.out.printf(Locale.ROOT, "devnet start to ready: the host runtime takes %.2fx the time of a raw anvil spawn polled every ms (target <= 1.5)%n",
            devnet));
    ratio(results, "FirstReceiptBenchmark.rawAnvilAndWeb3j", "FirstReceiptBenchmark.sdk", null).ifPresent(receipt ->
        System.out.printf(Locale.ROOT, "start to first mined receipt: the SDK takes %.2fx the time of raw anvil driven by plain web3j%n", receipt));
    ratio(results, "FabricCryptoBenchmark.bareKeysAndCertificates", "FabricCryptoBenchmark.chainwright", null).ifPresent(crypto ->
        System.out.printf(Locale.ROOT, "Fabric crypto, %d certificates and keys in cryptogen's layout: %.0f ms, %.2fx the time of bare keys + certificates (%.0f ms)%n",
            FabricNetworks.certificates(), score(results, "FabricCryptoBenchmark.chainwright", null).orElseThrow(), crypto,
            score(results, "FabricCryptoBenchmark.bareKeysAndCertificates", null).orElseThrow()));
    ratio(results, "FabricGenesisBenchmark.decodeSameBlock", "FabricGenesisBenchmark.chainwright", null).ifPresent(genesis ->
        System.out.printf(Locale.ROOT, "Fabric genesis block, %d orgs: %.0f us, %.2fx the time of decoding the same block (%.0f us)%n",
            FabricNetworks.PEER_ORGS + 1, score(results, "FabricGenesisBenchmark.chainwright", null).orElseThrow(), genesis,
            score(results, "FabricGenesisBenchmark.decodeSameBlock", null).orElseThrow()));
    ratio(results, "FabricDevnetBenchmark.nodesListening", "FabricDevnetBenchmark.cryptoToFirstTransaction", null).ifPresent(devnet ->
        System.out.printf(Locale.ROOT, "Fabric devnet, crypto to a first committed transaction: %.0f ms (target < 10 s), %.2fx the time of starting the same nodes (%.0f ms)%n",
            score(results, "FabricDevnetBenchmark.cryptoToFirstTransaction", null).orElseThrow(), devnet,
            score(results, "FabricDevnetBenchmark.nodesListening", null).orElseThrow()));
  }

  /** How many times the baseline's time the measured benchmark takes, when both ran. */
  private static Optional<Double> ratio(Collection<RunResult> results, String baseline, String measured, String latency) {
    Optional<Double> base = score(results, baseline, latency);
    return score(results, measured, latency).flatMap(m -> base.map(b -> m / b));
  }

  private static Optional<Double> score(Collection<RunResult> results, String suffix, String latency) {
    return results.stream().filter(r -> r.getParams().getBenchmark().endsWith(suffix))
        .filter(r -> latency == null || latency.equals(r.getParams().getParam("latencyMillis"))).findFirst()
        .map(r -> r.getPrimaryResult().getScore());
  }
}
