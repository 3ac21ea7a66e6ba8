package io.chainwright.zk;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.Violations;
import io.chainwright.api.material.Materials;
import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.MigStrategy;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A proof service: GPU provers, how they scale, and the GPU software they rely on (driver,
 * toolkit, the DCGM exporter that autoscaling on GPU utilisation reads, MIG layouts).
 *
 * <pre>{@code
 * Network network = ProofService.builder()
 *     .prover(prover)
 *     .autoscaling(ProofAutoscaling.builder().minReplicas(2).maxReplicas(16).gpuUtilization(80).queueLengthPerReplica(4).build())
 *     .gpu(GpuPolicy.builder().migStrategy(MigStrategy.MIXED).addMigLayout(MigLayout.uniform("1g.10gb", 7)).build())
 *     .build()
 *     .addTo(Network.builder().name("proofs").addSecret(Secret.provided("queue")))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = ProofService.class)
@JsonDeserialize(as = ProofService.class)
abstract class AbstractProofService implements NetworkPart {
  public abstract GpuProver prover();

  public abstract Optional<ProofAutoscaling> autoscaling();

  /** The GPU software of the nodes; needed to scale on GPU utilisation. */
  public abstract Optional<GpuPolicy> gpu();

  /** Adds the prover, its autoscaler and the GPU policy to {@code network}. */
  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    prover().addTo(network, materials);
    autoscaling().ifPresent(a -> network.addAutoscaler(a.toAutoscaler(prover().name())));
    gpu().ifPresent(network::gpu);
    return network;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    v.require("prover", prover());
    autoscaling().ifPresent(a -> {
      if (a.gpuUtilization().isPresent() && !gpu().map(GpuPolicy::providesDcgmMetrics).orElse(false)) {
        v.add("autoscaling.gpuUtilization", "an HPA on GPU utilisation needs a DCGM metric source: "
            + "give gpu(GpuPolicy) with the DCGM exporter");
      }
      if (a.queueLengthPerReplica().isPresent() && prover() != null && prover().queueUrl().isEmpty()) {
        v.add("autoscaling.queueLengthPerReplica", "scaling on the queue needs the prover's queueUrl");
      }
    });
    if (prover() != null && prover().migProfile().isPresent()
        && gpu().map(g -> g.migStrategy() != MigStrategy.MIXED).orElse(false)) {
      v.add("gpu.migStrategy", "a prover on MIG profile " + prover().migProfile().get() + " needs the MIXED MIG strategy");
    }
    v.throwIfAny();
  }
}
