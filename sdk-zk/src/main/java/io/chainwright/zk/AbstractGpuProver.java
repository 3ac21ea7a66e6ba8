package io.chainwright.zk;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.Port;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.Violations;
import io.chainwright.api.Workload;
import io.chainwright.api.material.Materials;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.Volume;
import io.chainwright.api.volume.VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A zero-knowledge prover on GPUs: whole GPUs of a given model, or one MIG slice; its CRS or
 * parameter files on a read-only volume; the proof scheme, how many proofs it works on at once,
 * and the queue it takes jobs from. Compiled into one stateless workload.
 *
 * <p>The prover learns its settings from the environment: {@code PROOF_SCHEME},
 * {@code MAX_CONCURRENT_PROOFS}, {@code CRS_PATH} and {@code QUEUE_URL} (read from a secret,
 * since queue URLs carry passwords). These names are this SDK's contract with a platform's own
 * prover image, a template to build one against; no published prover reads them. Images that read
 * their own configuration (zkSync's FRI prover, the CDK's zkevm-prover) get it through
 * {@link #env()} or {@link #args()}.
 *
 * <pre>{@code
 * GpuProver prover = GpuProver.builder()
 *     .name("prover").image(Image.of("ghcr.io/example/prover:1.4.0"))
 *     .gpus(1).gpuType(GpuType.H100_80GB)
 *     .crs(CrsVolume.shared("40Gi"))
 *     .scheme(ProofScheme.PLONK)
 *     .queueUrl(SecretKeyRef.of("queue", "url"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = GpuProver.class)
@JsonDeserialize(as = GpuProver.class)
abstract class AbstractGpuProver implements NetworkPart {
  static final Pattern MIG_PROFILE = Pattern.compile("[1-8]g\\.[0-9]+gb(\\+me)?");

  /** The workload's name. */
  public abstract String name();

  public abstract Image image();

  /** Replaces the image's entrypoint when given. */
  public abstract List<String> command();

  public abstract List<String> args();

  /** Whole GPUs per replica; one when neither this nor a MIG profile is given. */
  public abstract Optional<Integer> gpus();

  /** A MIG slice per replica instead of whole GPUs, e.g. {@code 1g.10gb}. */
  public abstract Optional<String> migProfile();

  /** The GPU model the node must carry; any model when absent. */
  public abstract Optional<GpuType> gpuType();

  /** The CRS or parameter files; every prover needs them. */
  public abstract Optional<CrsVolume> crs();

  public abstract Optional<ProofScheme> scheme();

  /** Proofs worked on at once by one replica. */
  @Value.Default
  public int maxConcurrentProofs() {
    return 1;
  }

  /** The key of a secret that holds the job queue's URL, e.g. a Redis URL with its password. */
  public abstract Optional<SecretKeyRef> queueUrl();

  @Value.Default
  public ProverSize size() {
    return ProverSize.MEDIUM;
  }

  /** Replicas when no autoscaler owns the count. */
  @Value.Default
  public int replicas() {
    return 1;
  }

  /** Where the prover serves Prometheus metrics; none when absent. */
  public abstract Optional<Integer> metricsPort();

  @Value.Default
  public String metricsPath() {
    return "/metrics";
  }

  /** Further ports the prover serves, e.g. gRPC endpoints other components call. */
  public abstract List<Port> ports();

  /** Further environment, e.g. the names a particular prover image reads. */
  public abstract List<EnvVar> env();

  /**
   * Connections the prover opens besides its job queue, e.g. a database named in a config file;
   * see {@link io.chainwright.api.Workload#reaches()}.
   */
  public abstract List<Reach> reaches();

  /** Further volumes, with {@link #mounts()} saying where the prover sees them. */
  public abstract List<Volume> volumes();

  public abstract List<VolumeMount> mounts();

  /** When absent, an HTTP GET of {@link #metricsPath()} on the metrics port, if the prover serves metrics; otherwise none. */
  public abstract Optional<Probe> readiness();

  /** Tolerate the {@code nvidia.com/gpu} taint that dedicated GPU nodes usually carry. */
  @Value.Default
  public boolean tolerateGpuTaint() {
    return true;
  }

  /** Further node labels the replicas need, e.g. a MIG layout label. */
  public abstract Map<String, String> nodeSelector();

  /** The compiled workload. */
  public Workload toWorkload() {
    return ProverCompiler.workload((GpuProver) this);
  }

  /** Adds the prover's workload to {@code network}. */
  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    return network.addWorkload(toWorkload());
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("provers", name());
    v.label("name", name());
    v.require("image", image());
    if (gpus().isPresent() && migProfile().isPresent()) {
      v.add("migProfile", "a MIG profile together with whole GPUs in one container: choose gpus or migProfile");
    }
    gpus().ifPresent(n -> v.range("gpus", n, 1, 16, "a GPU count per replica"));
    migProfile().filter(p -> !MIG_PROFILE.matcher(p).matches())
        .ifPresent(p -> v.add("migProfile", "'" + p + "' is not a MIG profile such as 1g.10gb"));
    if (crs().isEmpty()) {
      v.add("crs", "a prover needs a CRS/params volume (CrsVolume.shared(..) or CrsVolume.fetched(..))");
    }
    v.require("scheme", scheme().orElse(null));
    v.range("maxConcurrentProofs", maxConcurrentProofs(), 1, 1024, "a number of proofs");
    v.require("size", size());
    v.range("replicas", replicas(), 0, 10_000, "a replica count");
    metricsPort().ifPresent(p -> v.range("metricsPort", p, 1, 65535, "a port"));
    v.httpPath("metricsPath", metricsPath());
    v.labels("nodeSelector", nodeSelector());
    v.throwIfAny();
  }
}
