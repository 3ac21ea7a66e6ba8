package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.exposure.TrafficPolicy;
import io.chainwright.api.policy.ScalingMetricSource;
import io.chainwright.api.policy.TrafficDirection;
import io.chainwright.api.policy.TrafficPeerKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The plain specs {@link RandomNetworks} generates and {@link ModelBuilder} builds: records, so jqwik can shrink and print them. */
public final class NetworkSpecs {
  private NetworkSpecs() {}

  // ------------------------------------------------------------------------------------------
  // Specs: what to build. Plain data, so jqwik can shrink and print them.
  // ------------------------------------------------------------------------------------------

  /** A plain attribute: left unset (the default applies) or set, possibly to null. */
  public record Val<T>(boolean set, T value) {
    static <T> Val<T> unset() {
      return new Val<>(false, null);
    }

    static <T> Val<T> of(T value) {
      return new Val<>(true, value);
    }

    void applyTo(Consumer<? super T> setter) {
      if (set) {
        setter.accept(value);
      }
    }

    @Override
    public String toString() {
      return set ? "=" + value : "unset";
    }
  }

  public record NetworkSpec(int chaos, String name, Val<String> namespace, List<LabelSpec> labels,
      List<StorageClassSpec> storageClasses, List<SecretSpec> secrets, List<WorkloadSpec> workloads, PolicySpec policies) {}

  public record LabelSpec(String key, String value) {}

  public record StorageClassSpec(String name, boolean existing, Val<String> provisioner) {}

  public record SecretSpec(String name, boolean provided, List<SecretEntry> data) {}

  public record SecretEntry(String key, ValueSource source) {}

  public enum ValueSource { LITERAL, ENV, FILE, REDACTED, TWO_SOURCES }

  public record WorkloadSpec(String name, Val<WorkloadKind> kind, int replicas, String cron, List<VolumeSpec> volumes,
      Containers containers, List<DependencySpec> dependsOn, String metricsPort, RolloutSpec rollout) {}

  public record Containers(List<ContainerSpec> main, List<ContainerSpec> sidecars, List<ContainerSpec> init) {
    Stream<ContainerSpec> serving() {
      return Stream.concat(sidecars.stream(), main.stream());
    }
  }

  public record ContainerSpec(String name, String image, List<PortSpec> ports, List<EnvSpec> env, List<MountSpec> mounts,
      ResourcesSpec resources, Probes probes, Val<Security> security) {}

  public record Probes(ProbeSpec readiness, ProbeSpec liveness) {}

  public record PortSpec(String name, int number, Val<Protocol> protocol, Val<ExposureSpec> exposure, boolean internalOnly) {}

  public sealed interface ExposureSpec permits Internal, NodePort, LoadBalancer, Ingress {
    boolean leavesNetwork();
  }

  public record Internal(boolean headless) implements ExposureSpec {
    public boolean leavesNetwork() {
      return false;
    }
  }

  public record NodePort(Integer fixedPort, Val<TrafficPolicy> policy) implements ExposureSpec {
    public boolean leavesNetwork() {
      return true;
    }
  }

  public record LoadBalancer(Val<TrafficPolicy> policy) implements ExposureSpec {
    public boolean leavesNetwork() {
      return true;
    }
  }

  /** Optional attributes are null when unset (their builder setters refuse null). */
  public record Ingress(String host, Val<String> path, String tlsSecret, String tlsIssuer, String basicAuthSecret,
      Integer rateLimit, String maxBodySize) implements ExposureSpec {
    public boolean leavesNetwork() {
      return true;
    }
  }

  public enum CheckKind { HTTP, TCP, GRPC, EXEC, JSON_RPC, JSON_RPC_BAD_PARAMS, EMPTY_EXEC, NO_CHECK }

  public record ProbeSpec(CheckKind check, String port, int periodSeconds) {}

  public enum EnvSource { LITERAL, SECRET, FIELD, NONE, VALUE_AND_FIELD }

  public record EnvSpec(String name, EnvSource source, String value, String secret, String key) {}

  public record MountSpec(String volume, String path, boolean readOnly) {}

  /** Null fields are left unset. */
  public record ResourcesSpec(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit) {}

  public enum Security { RESTRICTED, INSECURE_ROOT, ROOT_BUT_NON_ROOT, PRIVILEGED_NON_ROOT, BAD_CAPABILITY }

  public enum VolumeKind { DATA, SECRET, SCRATCH, CONFIG, DEVICE }

  /** {@code arg} is the size, secret, size limit, file name or host path, by kind. */
  public record VolumeSpec(VolumeKind kind, String name, String arg, String storageClass) {}

  public record DependencySpec(String workload, Val<DependencyCondition> condition) {}

  public enum Update { NONE, ONE_AT_A_TIME, PARTITION, SURGE, BAD_SURGE }

  public enum Budget { NONE, MIN_ONE, MAX_HALF, BOTH, NEITHER, BAD_PERCENT }

  public record RolloutSpec(Update update, Budget budget) {}

  public record PolicySpec(IsolationSpec isolation, List<BackupSpec> backups, List<AutoscalerSpec> autoscalers,
      List<VerticalSpec> verticalScaling, QuotaSpec quota, Val<SecretSourceKind> secretSource) {}

  public record IsolationSpec(boolean defaultDeny, List<RuleSpec> rules) {}

  public record RuleSpec(String workload, TrafficDirection direction, PeerSpec peer, List<String> ports) {}

  /** A null spec builds nothing and sets the rule's peer to null. */
  public record PeerSpec(TrafficPeerKind kind, Val<String> name) {}

  public record BackupSpec(String name, List<String> workloads, String schedule, int retain, String snapshotClass,
      Val<String> snapshotDriver) {}

  public record AutoscalerSpec(String workload, int min, int max, List<MetricSpec> metrics) {}

  public record MetricSpec(ScalingMetricSource source, String name, Integer utilization, String averageValue) {}

  public record VerticalSpec(String workload, String minCpu, String maxCpu) {}

  public record QuotaSpec(String cpu, String memory, Integer pods) {}

  public enum SecretSourceKind { PLATFORM, VAULT_AGENT, EXTERNAL, EXTERNAL_WITHOUT_STORE, PLATFORM_WITH_STORE, BAD_REFRESH, NO_KIND }
}
