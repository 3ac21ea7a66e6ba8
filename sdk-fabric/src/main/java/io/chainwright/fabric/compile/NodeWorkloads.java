package io.chainwright.fabric.compile;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Secret;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.fabric.FabricOrg;
import java.util.Map;
import java.util.Optional;

/** What compiled Fabric workloads share: labels, their crypto secret mounted, scratch space, and for servers data and metrics. */
final class NodeWorkloads {
  static final String ROLE_LABEL = "fabric.chainwright.io/role";
  static final String ORG_LABEL = "fabric.chainwright.io/org";

  private NodeWorkloads() {}

  /** The secret of a workload's crypto files, to add to the network beside the workload. */
  static Secret secret(String workload, Map<String, byte[]> files) {
    return CryptoSecrets.secret(secretName(workload), files);
  }

  private static String secretName(String workload) {
    return workload + "-crypto";
  }

  /**
   * A stateless workload running {@code container} with {@code files} mounted under
   * {@link FabricPaths#CRYPTO} and scratch space at {@link FabricPaths#TMP}.
   */
  static Workload.Builder stateless(String name, String role, FabricOrg org, Map<String, byte[]> files, Container.Builder container) {
    container.addMount(VolumeMount.readOnly(CryptoSecrets.VOLUME, FabricPaths.CRYPTO))
        .addMount(VolumeMount.of("tmp", FabricPaths.TMP))
        .addEnv(EnvVar.literal("TMPDIR", FabricPaths.TMP));
    return Workload.builder()
        .name(name)
        .kind(WorkloadKind.STATELESS)
        .putLabel(ROLE_LABEL, role)
        .putLabel(ORG_LABEL, org.name())
        .putLabel(OwnershipLabels.GROUP, org.name())
        .addVolume(CryptoSecrets.volume(secretName(name), files))
        .addVolume(ScratchVolume.of("tmp"))
        .addContainer(container.build());
  }

  /** As {@link #stateless}, but stateful, with a data volume of {@code size} (in {@code storageClass}) at {@code dataPath} and metrics from its operations port. */
  static Workload.Builder stateful(String name, String role, FabricOrg org, Map<String, byte[]> files,
      String dataPath, String size, Optional<String> storageClass, Container.Builder container) {
    container.addMount(VolumeMount.of("data", dataPath));
    return stateless(name, role, org, files, container)
        .kind(WorkloadKind.STATEFUL)
        .addVolume(DataVolume.builder().name("data").size(size).storageClass(storageClass).build())
        .metrics(MetricsEndpoint.of(FabricPorts.OPERATIONS, "/metrics"));
  }
}
