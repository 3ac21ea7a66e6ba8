package io.chainwright.examples;

import io.chainwright.api.AntiAffinity;
import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Gpu;
import io.chainwright.api.Image;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Probe;
import io.chainwright.api.Resources;
import io.chainwright.api.Scheduling;
import io.chainwright.api.ScratchVolume;
import io.chainwright.api.Secret;
import io.chainwright.api.Toleration;
import io.chainwright.api.Topology;
import io.chainwright.api.VolumeMount;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.policy.Autoscaler;
import io.chainwright.api.policy.ScalingMetric;
import io.chainwright.api.policy.TenantQuota;

/**
 * A GPU proof service: provers on MIG slices of H100s, scaled on GPU utilisation and on the
 * length of the proof queue, inside a tenant quota.
 */
public final class ProverExample {
  private ProverExample() {}

  public static Network network() {
    Workload prover = Workload.builder()
        .name("prover").kind(WorkloadKind.STATELESS).replicas(2)
        .addContainer(Container.builder()
            .name("prover").image(Image.of("ghcr.io/example/prover:1.4.0"))
            .addEnv(EnvVar.fromSecret("QUEUE_URL", "queue", "url"))
            .addPort(Port.tcp("http", 8080))
            .addPort(Port.tcp("metrics", 9100))
            .addMount(VolumeMount.of("work", "/work"))
            .resources(Resources.builder().cpuRequest("8").cpuLimit("8").memoryRequest("64Gi").memoryLimit("64Gi")
                .gpu(Gpu.builder().resource("nvidia.com/mig-3g.40gb").count(1).type("NVIDIA-H100-80GB-HBM3").build())
                .build())
            .readiness(Probe.http("http", "/ready"))
            .build())
        .addVolume(ScratchVolume.builder().name("work").sizeLimit("200Gi").build())
        .metrics(MetricsEndpoint.of("metrics", "/metrics"))
        .scheduling(Scheduling.builder()
            .addToleration(Toleration.noSchedule("nvidia.com/gpu", "present"))
            .antiAffinity(AntiAffinity.preferred(Topology.HOST))
            .build())
        .build();

    return Network.builder()
        .name("zk-provers")
        .addWorkload(prover)
        .addSecret(Secret.provided("queue"))
        .addAutoscaler(Autoscaler.builder().workload("prover").minReplicas(2).maxReplicas(16)
            .addMetric(ScalingMetric.podsAverage("DCGM_FI_DEV_GPU_UTIL", "80"))
            .addMetric(ScalingMetric.externalAverage("proof_queue_length", "4"))
            .build())
        .quota(TenantQuota.builder().cpu("256").memory("2Ti").gpus(32).pods(64).build())
        .build();
  }
}
