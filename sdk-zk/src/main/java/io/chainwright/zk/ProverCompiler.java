package io.chainwright.zk;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Gpu;
import io.chainwright.api.Image;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.scheduling.Scheduling;
import io.chainwright.api.scheduling.TaintEffect;
import io.chainwright.api.scheduling.Toleration;
import io.chainwright.api.volume.AccessMode;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.VolumeMount;

/** Turns a {@link GpuProver} into a workload: the one place that knows how a prover is laid out. */
final class ProverCompiler {
  static final String CRS_VOLUME = "crs";
  /** The root file system is read-only; provers write temporary witness files. */
  static final String TMP = "/tmp";
  /** The taint GPU node pools commonly carry so that only GPU workloads land there. */
  static final String GPU_TAINT = "nvidia.com/gpu";
  static final Image FETCH_IMAGE = Image.of("curlimages/curl:8.11.1");

  private ProverCompiler() {}

  static Workload workload(GpuProver p) {
    CrsVolume crs = p.crs().orElseThrow();
    Container.Builder prover = Container.builder()
        .name(p.name())
        .image(p.image())
        .command(p.command())
        .args(p.args())
        .addEnv(EnvVar.literal("PROOF_SCHEME", p.scheme().orElseThrow().id()))
        .addEnv(EnvVar.literal("MAX_CONCURRENT_PROOFS", Integer.toString(p.maxConcurrentProofs())))
        .addEnv(EnvVar.literal("CRS_PATH", crs.filePath()))
        .addAllEnv(p.env())
        .addAllPorts(p.ports())
        .addMount(VolumeMount.readOnly(CRS_VOLUME, crs.path()))
        .addMount(VolumeMount.of("tmp", TMP))
        .addAllMounts(p.mounts())
        .resources(Resources.builder().from(p.size().resources()).gpu(gpu(p)).build());
    p.queueUrl().ifPresent(q -> prover.addEnv(EnvVar.fromSecret("QUEUE_URL", q.secret(), q.key())));
    p.metricsPort().ifPresent(port -> prover.addPort(Port.tcp("metrics", port)));
    p.readiness().or(() -> p.metricsPort().map(port -> Probe.http("metrics", p.metricsPath()))).ifPresent(prover::readiness);

    Workload.Builder w = Workload.builder()
        .name(p.name())
        .kind(WorkloadKind.STATELESS)
        .replicas(p.replicas())
        .putLabel("zk.chainwright.io/role", "prover")
        .addVolume(ScratchVolume.of("tmp"))
        .addAllVolumes(p.volumes())
        .addAllReaches(p.reaches())
        .scheduling(scheduling(p));
    // The queue's URL is secret, so it may be anywhere.
    p.queueUrl().ifPresent(q -> w.addReaches(Reach.outside()));
    p.metricsPort().ifPresent(port -> w.metrics(MetricsEndpoint.of("metrics", p.metricsPath())));
    if (crs.fetchFrom().isPresent()) {
      // Each replica fetches its own copy; the prover then sees it read-only.
      w.addReaches(Reach.url(crs.fetchFrom().get()));
      w.addVolume(ScratchVolume.builder().name(CRS_VOLUME).sizeLimit(crs.size()).build());
      w.addInitContainer(Container.builder().name("fetch-crs").image(FETCH_IMAGE)
          .addArgs("-fsSL", "--retry", "5", "-o", crs.filePath(), crs.fetchFrom().get().toString())
          .addMount(VolumeMount.of(CRS_VOLUME, crs.path()))
          .build());
    } else {
      DataVolume.Builder shared = DataVolume.builder().name(CRS_VOLUME).size(crs.size()).accessMode(AccessMode.READ_ONLY_MANY);
      crs.storageClass().ifPresent(shared::storageClass);
      w.addVolume(shared.build());
    }
    return w.addContainer(prover.build()).build();
  }

  private static Gpu gpu(GpuProver p) {
    Gpu.Builder gpu = p.migProfile().map(profile -> Gpu.builder().from(Gpu.mig(profile, 1)))
        .orElseGet(() -> Gpu.builder().count(p.gpus().orElse(1)));
    p.gpuType().ifPresent(t -> gpu.type(t.product()));
    return gpu.build();
  }

  private static Scheduling scheduling(GpuProver p) {
    Scheduling.Builder s = Scheduling.builder().putAllNodeSelector(p.nodeSelector());
    if (p.tolerateGpuTaint()) {
      s.addToleration(Toleration.builder().key(GPU_TAINT).effect(TaintEffect.NO_SCHEDULE).build());
    }
    return s.build();
  }
}
