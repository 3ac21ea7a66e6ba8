package io.chainwright.zk;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.MigLayout;
import io.chainwright.api.policy.MigStrategy;
import io.chainwright.kubernetes.KubernetesBackend;
import org.junit.jupiter.api.Test;

/** The proof-service example of the README, exactly as written there. */
class ReadmeExamplesTest {
  @Test
  void aProofServiceOnMigSlicesScalesOnGpuUtilisationAndQueueLength() {
    // README: proof-service
    GpuProver prover = GpuProver.builder()
        .name("prover")
        .image(Image.of("ghcr.io/example/prover:1.4.0"))
        .migProfile("1g.10gb").gpuType(GpuType.H100_80GB)   // or .gpus(2) for whole GPUs, never both
        .crs(CrsVolume.shared("40Gi"))                       // mounted read-only at /crs
        .scheme(ProofScheme.PLONK)
        .queueUrl(SecretKeyRef.of("queue", "url"))           // a Redis URL with its password
        .size(ProverSize.SMALL)
        .build();
    Network network = ProofService.builder()
        .prover(prover)
        .autoscaling(ProofAutoscaling.builder().minReplicas(2).maxReplicas(16)
            .gpuUtilization(80)                              // DCGM_FI_DEV_GPU_UTIL, a pods metric
            .queueLengthPerReplica(4)                        // proof_queue_length, an external metric
            .build())
        .gpu(GpuPolicy.builder()                             // the GPU operator's ClusterPolicy, with the DCGM exporter
            .migStrategy(MigStrategy.MIXED)
            .addMigLayout(MigLayout.uniform("1g.10gb", 7))   // a mig-parted ConfigMap; label a node nvidia.com/mig.config=all-1g.10gb
            .addMigLayout(MigLayout.disabled())
            .defaultMigLayout(GpuPolicy.MIG_DISABLED)        // the only default the ClusterPolicy takes
            .build())
        .build()
        .addTo(Network.builder().name("proofs").addSecret(Secret.provided("queue"))
            .isolation(IsolationPolicy.leaveOpen("gpu-operator")))  // the operator's own pods there talk to the API server
        .build();
    String yaml = KubernetesBackend.create().render(network).yaml();
    // README: end

    assertThat(yaml).contains("kind: HorizontalPodAutoscaler", "DCGM_FI_DEV_GPU_UTIL", "kind: ClusterPolicy", "nvidia.com/mig-1g.10gb");
  }
}
