package io.chainwright.ethereum.validator;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.scheduling.Scheduling;
import io.chainwright.api.scheduling.Topology;
import io.chainwright.api.scheduling.TopologySpread;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.common.ContainerLayout;
import java.util.Optional;

/** Turns one {@link ValidatorSpec} into a stateful workload that keeps its slashing database on its own volume. */
final class ValidatorCompiler {
  /** Enough for a client's local slashing database and logs. */
  static final String DATA_SIZE = "1Gi";

  private ValidatorCompiler() {}

  static Workload compile(ValidatorContext c, Optional<String> signerWorkload) {
    ValidatorSpec s = c.spec();
    ValidatorFlags flags = s.client().flags();
    Container.Builder container = Container.builder().name(s.name()).image(s.effectiveImage())
        .command(flags.command()).args(flags.args(c)).addAllArgs(s.extraArgs()).hostAllowlistFlags(flags.hostAllowlistFlags())
        .addPort(Port.tcp("metrics", s.metricsPort()))
        .addMount(VolumeMount.of("data", ContainerLayout.DATA_DIR))
        .addMount(VolumeMount.of("tmp", ContainerLayout.TMP))
        .resources(Resources.of("500m", "2", "1Gi", "4Gi"))
        // Each client's metrics server (enabled by its flags) answers once the client has started.
        .readiness(Probe.http("metrics", "/metrics"))
        .liveness(Probe.tcp("metrics"));
    Scheduling.Builder scheduling = Scheduling.builder().addTopologySpread(TopologySpread.of(Topology.ZONE, 1));
    s.zone().ifPresent(z -> scheduling.putNodeSelector(Topology.ZONE.nodeLabel(), z));
    Workload.Builder workload = Workload.builder().name(s.name()).kind(WorkloadKind.STATEFUL).replicas(s.replicas())
        .putLabel("ethereum.chainwright.io/role", "validator")
        .addVolume(DataVolume.of("data", DATA_SIZE))
        .addVolume(ScratchVolume.of("tmp"))
        .metrics(MetricsEndpoint.of("metrics", "/metrics"))
        .addAllReaches(s.beaconNodes().stream().map(Reach::url).toList())
        .scheduling(scheduling.build());
    s.keystoreSecret().ifPresent(secret -> {
      workload.addVolume(SecretVolume.of("keys", secret));
      container.addMount(VolumeMount.readOnly("keys", ValidatorContext.KEYS_DIR));
    });
    flags.configVolume(c).ifPresent(workload::addVolume);
    container.addAllMounts(flags.mounts(c));
    flags.init(c).ifPresent(workload::addInitContainer);
    signerWorkload.ifPresent(w -> workload.addDependsOn(Dependency.ready(w)));
    return workload.addContainer(container.build()).build();
  }
}
