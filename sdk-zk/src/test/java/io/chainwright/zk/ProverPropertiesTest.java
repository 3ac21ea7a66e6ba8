package io.chainwright.zk;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.ValidationException;
import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.MigLayout;
import io.chainwright.api.policy.MigStrategy;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Random provers and proof services either build into a network or fail with one ValidationException, never anything else. */
class ProverPropertiesTest {
  @Property(tries = 2_000)
  void randomProofServicesFailOnlyWithValidationException(
      @ForAll("names") String name, @ForAll("gpus") Optional<Integer> gpus, @ForAll("profiles") Optional<String> mig,
      @ForAll("sizes") Optional<String> crsSize, @ForAll("schemes") Optional<ProofScheme> scheme, @ForAll("counts") int concurrent,
      @ForAll boolean queue, @ForAll("counts") int minReplicas, @ForAll("counts") int maxReplicas,
      @ForAll("percents") Optional<Integer> gpuUtilisation, @ForAll("strategies") Optional<MigStrategy> strategy) {
    try {
      GpuProver.Builder prover = GpuProver.builder().name(name).image(Image.of("ghcr.io/example/prover:1.0"))
          .scheme(scheme).maxConcurrentProofs(concurrent).gpus(gpus).migProfile(mig);
      crsSize.ifPresent(s -> prover.crs(CrsVolume.shared(s)));
      if (queue) {
        prover.queueUrl(SecretKeyRef.of("queue", "url"));
      }
      ProofService.Builder service = ProofService.builder().prover(prover.build())
          .autoscaling(ProofAutoscaling.builder().minReplicas(minReplicas).maxReplicas(maxReplicas)
              .gpuUtilization(gpuUtilisation).queueLengthPerReplica(queue ? Optional.of(4) : Optional.empty()).build());
      strategy.ifPresent(s -> service.gpu(GpuPolicy.builder().migStrategy(s)
          .migLayouts(s == MigStrategy.NONE ? java.util.List.of() : java.util.List.of(MigLayout.uniform("1g.10gb", 7))).build()));
      // MIG layouts go into the GPU Operator's namespace, which a network must leave open by name.
      String[] open = strategy.filter(s -> s != MigStrategy.NONE).map(s -> new String[] {"gpu-operator"}).orElse(new String[0]);
      Network network = service.build().addTo(Network.builder().name("proofs").addSecret(Secret.provided("queue"))
          .isolation(IsolationPolicy.leaveOpen(open))).build();
      assertThat(network.workloads()).hasSize(1);
      Statistics.collect("built");
    } catch (ValidationException e) {
      assertThat(e.violations()).isNotEmpty();
      Statistics.collect("refused");
    }
    Statistics.coverage(c -> {
      c.check("built").percentage(p -> p > 0.5);
      c.check("refused").percentage(p -> p > 20);
    });
  }

  @Provide
  Arbitrary<Optional<ProofScheme>> schemes() {
    return Arbitraries.of(ProofScheme.class).optional(0.9);
  }

  @Provide
  Arbitrary<Optional<MigStrategy>> strategies() {
    return Arbitraries.of(MigStrategy.class).optional(0.8);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of("prover", "prover", "prover", "p", "Prover", "", "a-very-long-name-" + "x".repeat(60));
  }

  @Provide
  Arbitrary<Optional<Integer>> gpus() {
    return Arbitraries.of(-1, 0, 1, 2, 2, 8, 17).optional(0.3);
  }

  @Provide
  Arbitrary<Optional<String>> profiles() {
    return Arbitraries.of("1g.10gb", "3g.40gb", "7g.80gb", "tiny", "").optional(0.3);
  }

  @Provide
  Arbitrary<Optional<String>> sizes() {
    return Arbitraries.of("40Gi", "40Gi", "1Ti", "lots", "").optional(0.9);
  }

  @Provide
  Arbitrary<Integer> counts() {
    return Arbitraries.of(-1, 0, 1, 2, 2, 4, 16, 16, 2_000);
  }

  @Provide
  Arbitrary<Optional<Integer>> percents() {
    return Arbitraries.of(0, 50, 80, 80, 101).optional(0.5);
  }
}
