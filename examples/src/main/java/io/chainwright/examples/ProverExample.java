package io.chainwright.examples;

import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.MigLayout;
import io.chainwright.api.policy.MigStrategy;
import io.chainwright.api.policy.TenantQuota;
import io.chainwright.zk.CrsVolume;
import io.chainwright.zk.GpuProver;
import io.chainwright.zk.GpuType;
import io.chainwright.zk.ProofAutoscaling;
import io.chainwright.zk.ProofScheme;
import io.chainwright.zk.ProofService;
import io.chainwright.zk.ProverSize;

/**
 * A GPU proof service: provers on MIG slices of H100s, scaled on GPU utilisation and on the
 * length of the proof queue, the GPU operator set up with the MIG layouts, inside a tenant quota.
 */
public final class ProverExample {
  private ProverExample() {}

  public static Network network(MaterialStore store) {
    GpuProver prover = GpuProver.builder()
        .name("prover")
        .image(Image.of("ghcr.io/example/prover:1.4.0"))
        .migProfile("3g.40gb").gpuType(GpuType.H100_80GB)
        .crs(CrsVolume.shared("40Gi"))
        .scheme(ProofScheme.GROTH16)
        .maxConcurrentProofs(2)
        .queueUrl(SecretKeyRef.of("queue", "url"))
        .size(ProverSize.MEDIUM)
        .metricsPort(9100)
        .replicas(2)
        .build();
    return ProofService.builder()
        .prover(prover)
        .autoscaling(ProofAutoscaling.builder().minReplicas(2).maxReplicas(16).gpuUtilization(80).queueLengthPerReplica(4).build())
        .gpu(GpuPolicy.builder()
            .migStrategy(MigStrategy.MIXED)
            .addMigLayout(MigLayout.uniform("3g.40gb", 2))
            .addMigLayout(MigLayout.uniform("1g.10gb", 7))
            .addMigLayout(MigLayout.disabled())
            // Nodes without a layout label run whole GPUs; label a node nvidia.com/mig.config=all-3g.40gb to split its GPUs.
            .defaultMigLayout(GpuPolicy.MIG_DISABLED)
            .build())
        .build()
        .addTo(Network.builder().name("zk-provers")
            .addSecret(Secret.provided("queue"))
            // The GPU Operator's own pods run in its namespace and talk to the API server: no default deny there.
            .isolation(IsolationPolicy.leaveOpen("gpu-operator"))
            .quota(TenantQuota.builder().cpu("256").memory("2Ti").gpus(32).pods(64).build()), store.forNetwork("zk-provers"))
        .build();
  }
}
