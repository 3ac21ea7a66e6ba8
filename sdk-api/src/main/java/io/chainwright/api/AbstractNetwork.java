package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.exposure.GatewayExposure;
import io.chainwright.api.policy.AccessPolicy;
import io.chainwright.api.policy.Autoscaler;
import io.chainwright.api.policy.BackupPolicy;
import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.api.policy.NetworkGateway;
import io.chainwright.api.policy.SecretSource;
import io.chainwright.api.policy.StorageClass;
import io.chainwright.api.policy.TenantQuota;
import io.chainwright.api.policy.VerticalScaling;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A deployable unit: workloads, the secrets they use, and the policies around them. Building one
 * checks it whole (names, references, dependency cycles) and reports every problem at once.
 *
 * <pre>{@code
 * Network net = Network.builder().name("devnet").addWorkload(geth).build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = Network.class)
@JsonDeserialize(as = Network.class)
abstract class AbstractNetwork {
  public abstract String name();

  /** The namespace the network lives in; its own name unless stated otherwise. */
  @Value.Default
  public String namespace() {
    return name();
  }

  public abstract Map<String, String> labels();

  public abstract Map<String, String> annotations();

  public abstract List<Workload> workloads();

  public abstract List<Secret> secrets();

  public abstract List<StorageClass> storageClasses();

  /** Default deny in every namespace, allowing the flows the network needs; see {@link IsolationPolicy}. */
  @Value.Default
  public IsolationPolicy isolation() {
    return IsolationPolicy.denyAllExcept();
  }

  @Value.Default
  public SecretSource secretSource() {
    return SecretSource.platform();
  }

  public abstract Optional<MonitoringPolicy> monitoring();

  public abstract List<BackupPolicy> backups();

  public abstract Optional<TenantQuota> quota();

  public abstract List<Autoscaler> autoscalers();

  public abstract List<VerticalScaling> verticalScaling();

  /** The GPU software of the platform's GPU nodes, for networks that run on GPUs. */
  public abstract Optional<GpuPolicy> gpu();

  /** Who may operate the network on the platform. */
  public abstract Optional<AccessPolicy> access();

  /** Gateway API gateways the network brings itself; ports exposed through them get their listeners. */
  public abstract List<NetworkGateway> gateways();

  /**
   * When true, every container image, init containers included, must be pinned by digest
   * ({@code repository[:tag]@sha256:...}): a tag can be moved to other content, a digest cannot.
   */
  @Value.Default
  public boolean requireImageDigests() {
    return false;
  }

  /** The workload called {@code name}. */
  public Optional<Workload> workload(String name) {
    return workloads().stream().filter(w -> w.name().equals(name)).findFirst();
  }

  /** The secret called {@code name}. */
  public Optional<Secret> secret(String name) {
    return secrets().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * The network's own gateway a port exposed as {@code exposure} attaches to; empty when it names
   * a gateway the platform provides.
   */
  public Optional<NetworkGateway> ownGateway(GatewayExposure exposure) {
    boolean here = exposure.gatewayNamespace().map(ns -> ns.equals(namespace())).orElse(true);
    return here ? gateways().stream().filter(g -> g.name().equals(exposure.gateway())).findFirst() : Optional.empty();
  }

  @Value.Check
  protected void validate() {
    NetworkChecks.check((Network) this);
  }
}
