package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.NetworkSpecs.*;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.exposure.IngressController;
import io.chainwright.api.exposure.IngressExposure;
import io.chainwright.api.exposure.InternalExposure;
import io.chainwright.api.exposure.LoadBalancerExposure;
import io.chainwright.api.exposure.NodePortExposure;
import io.chainwright.api.policy.Autoscaler;
import io.chainwright.api.policy.BackupPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.ScalingMetric;
import io.chainwright.api.policy.SecretDelivery;
import io.chainwright.api.policy.SecretSource;
import io.chainwright.api.policy.StorageClass;
import io.chainwright.api.policy.TenantQuota;
import io.chainwright.api.policy.TrafficPeer;
import io.chainwright.api.policy.VerticalScaling;
import io.chainwright.api.probe.ExecCheck;
import io.chainwright.api.probe.GrpcCheck;
import io.chainwright.api.probe.HttpCheck;
import io.chainwright.api.probe.JsonRpcCheck;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.probe.ProbeCheck;
import io.chainwright.api.probe.TcpCheck;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.DeviceVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.Volume;
import io.chainwright.api.volume.VolumeMount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds leaf values first and the network last. A part that fails validation is left out of
 * its parent (as a user would fix or drop it), so the parents' own checks still run. Only
 * ValidationException is caught: anything else propagates and fails the property.
 */
public final class ModelBuilder {
  private final List<ValidationException> problems = new ArrayList<>();

  public static Outcome build(NetworkSpec spec) {
    ModelBuilder b = new ModelBuilder();
    Optional<Network> network = b.attempt(() -> b.network(spec));
    return new Outcome(network, List.copyOf(b.problems));
  }

  private <T> Optional<T> attempt(Supplier<T> build) {
    try {
      return Optional.of(build.get());
    } catch (ValidationException e) {
      problems.add(e);
      return Optional.empty();
    }
  }

  private Network network(NetworkSpec s) {
    Network.Builder b = Network.builder().name(s.name());
    s.namespace().applyTo(b::namespace);
    s.labels().forEach(l -> b.putLabel(l.key(), l.value()));
    s.storageClasses().forEach(c -> attempt(() -> storageClass(c)).ifPresent(b::addStorageClass));
    s.secrets().forEach(sec -> attempt(() -> secret(sec)).ifPresent(b::addSecret));
    s.workloads().forEach(w -> attempt(() -> workload(w)).ifPresent(b::addWorkload));
    String namespace = s.namespace().set() && s.namespace().value() != null ? s.namespace().value() : s.name();
    policies(s.policies(), namespace, b);
    return b.build();
  }

  private static StorageClass storageClass(StorageClassSpec s) {
    StorageClass.Builder b = StorageClass.builder().name(s.name()).existing(s.existing());
    s.provisioner().applyTo(b::provisioner);
    return b.build();
  }

  private static Secret secret(SecretSpec s) {
    Secret.Builder b = Secret.builder().name(s.name()).provided(s.provided());
    s.data().forEach(e -> b.putData(e.key(), secretValue(e.source())));
    return b.build();
  }

  private static SecretValue secretValue(ValueSource source) {
    return switch (source) {
      case LITERAL -> SecretValue.of("s3cret");
      case ENV -> SecretValue.fromEnv("CHAIN_JWT");
      case FILE -> SecretValue.fromFile(Path.of("/run/keys/jwt.hex"));
      // What reading a written model gives back for an in-memory value, and a value with two sources.
      case REDACTED -> SecretValue.fromJson(SecretValue.MASK, null, null);
      case TWO_SOURCES -> SecretValue.fromJson(null, "CHAIN_JWT", "/run/keys/jwt.hex");
    };
  }

  private Workload workload(WorkloadSpec s) {
    Workload.Builder b = Workload.builder().name(s.name()).replicas(s.replicas());
    s.kind().applyTo(b::kind);
    if (s.cron() != null) {
      attempt(() -> CronSchedule.of(s.cron())).ifPresent(b::cron);
    }
    s.volumes().forEach(v -> attempt(() -> volume(v)).ifPresent(b::addVolume));
    s.containers().main().forEach(c -> attempt(() -> container(c)).ifPresent(b::addContainer));
    s.containers().sidecars().forEach(c -> attempt(() -> container(c)).ifPresent(b::addSidecar));
    s.containers().init().forEach(c -> attempt(() -> container(c)).ifPresent(b::addInitContainer));
    for (DependencySpec d : s.dependsOn()) {
      attempt(() -> {
        Dependency.Builder db = Dependency.builder().workload(d.workload());
        d.condition().applyTo(db::condition);
        return db.build();
      }).ifPresent(b::addDependsOn);
    }
    if (s.metricsPort() != null) {
      attempt(() -> MetricsEndpoint.builder().port(s.metricsPort()).build()).ifPresent(b::metrics);
    }
    updateStrategy(s.rollout().update()).flatMap(this::attempt).ifPresent(b::updateStrategy);
    disruptionBudget(s.rollout().budget()).flatMap(this::attempt).ifPresent(b::disruptionBudget);
    return b.build();
  }

  private static Optional<Supplier<UpdateStrategy>> updateStrategy(Update update) {
    return switch (update) {
      case NONE -> Optional.empty();
      case ONE_AT_A_TIME -> Optional.of(UpdateStrategy::oneAtATime);
      case PARTITION -> Optional.of(() -> UpdateStrategy.builder().partition(1).build());
      case SURGE -> Optional.of(() -> UpdateStrategy.builder().maxSurge("25%").build());
      case BAD_SURGE -> Optional.of(() -> UpdateStrategy.builder().maxSurge("150%").build());
    };
  }

  private static Optional<Supplier<DisruptionBudget>> disruptionBudget(Budget budget) {
    return switch (budget) {
      case NONE -> Optional.empty();
      case MIN_ONE -> Optional.of(() -> DisruptionBudget.minAvailable("1"));
      case MAX_HALF -> Optional.of(() -> DisruptionBudget.maxUnavailable("50%"));
      case BOTH -> Optional.of(() -> DisruptionBudget.builder().minAvailable("1").maxUnavailable("1").build());
      case NEITHER -> Optional.of(() -> DisruptionBudget.builder().build());
      case BAD_PERCENT -> Optional.of(() -> DisruptionBudget.minAvailable("-1"));
    };
  }

  private static Volume volume(VolumeSpec s) {
    return switch (s.kind()) {
      case DATA -> {
        DataVolume.Builder b = DataVolume.builder().name(s.name()).size(s.arg());
        if (s.storageClass() != null) {
          b.storageClass(s.storageClass());
        }
        yield b.build();
      }
      case SECRET -> SecretVolume.builder().name(s.name()).secret(s.arg()).build();
      case SCRATCH -> {
        ScratchVolume.Builder b = ScratchVolume.builder().name(s.name());
        if (s.arg() != null) {
          b.sizeLimit(s.arg());
        }
        yield b.build();
      }
      case CONFIG -> ConfigVolume.builder().name(s.name()).putFile(s.arg(), "{}").build();
      case DEVICE -> DeviceVolume.builder().name(s.name()).hostPath(s.arg()).build();
    };
  }

  private Container container(ContainerSpec s) {
    Container.Builder b = Container.builder().name(s.name()).image(image(s.image()));
    s.ports().forEach(p -> attempt(() -> port(p)).ifPresent(b::addPort));
    s.env().forEach(e -> attempt(() -> env(e)).ifPresent(b::addEnv));
    s.mounts().forEach(m -> attempt(() -> VolumeMount.builder().volume(m.volume()).path(m.path()).readOnly(m.readOnly()).build())
        .ifPresent(b::addMount));
    attempt(() -> resources(s.resources())).ifPresent(b::resources);
    probe(s.probes().readiness()).flatMap(this::attempt).ifPresent(b::readiness);
    probe(s.probes().liveness()).flatMap(this::attempt).ifPresent(b::liveness);
    if (s.security().set()) {
      if (s.security().value() == null) {
        b.security(null);
      } else {
        attempt(() -> security(s.security().value())).ifPresent(b::security);
      }
    }
    return b.build();
  }

  private static Image image(String reference) {
    if (reference == null) {
      return null;
    }
    return Image.of(RandomNetworks.LONG_IMAGE.equals(reference) ? "a" + ".a".repeat(20_000) : reference);
  }

  private Port port(PortSpec s) {
    Port.Builder b = Port.builder().name(s.name()).number(s.number()).internalOnly(s.internalOnly());
    s.protocol().applyTo(b::protocol);
    if (s.exposure().set()) {
      // An exposure that fails its own check is left out, so the port falls back to its default.
      if (s.exposure().value() == null) {
        b.exposure(null);
      } else {
        attempt(() -> exposure(s.exposure().value())).ifPresent(b::exposure);
      }
    }
    return b.build();
  }

  private static Exposure exposure(ExposureSpec s) {
    return switch (s) {
      case Internal i -> InternalExposure.builder().headless(i.headless()).build();
      case NodePort n -> {
        NodePortExposure.Builder b = NodePortExposure.builder();
        if (n.fixedPort() != null) {
          b.nodePort(n.fixedPort());
        }
        n.policy().applyTo(b::trafficPolicy);
        yield b.build();
      }
      case LoadBalancer l -> {
        LoadBalancerExposure.Builder b = LoadBalancerExposure.builder();
        l.policy().applyTo(b::trafficPolicy);
        yield b.build();
      }
      case Ingress i -> {
        IngressExposure.Builder b = IngressExposure.builder().host(i.host()).controller(IngressController.NGINX_COMPATIBLE);
        i.path().applyTo(b::path);
        if (i.tlsSecret() != null) {
          b.tlsSecret(i.tlsSecret());
        }
        if (i.tlsIssuer() != null) {
          b.tlsIssuer(i.tlsIssuer());
        }
        if (i.basicAuthSecret() != null) {
          b.basicAuthSecret(i.basicAuthSecret());
        }
        if (i.rateLimit() != null) {
          b.rateLimitPerSecond(i.rateLimit());
        }
        if (i.maxBodySize() != null) {
          b.maxBodySize(i.maxBodySize());
        }
        yield b.build();
      }
    };
  }

  private static EnvVar env(EnvSpec s) {
    EnvVar.Builder b = EnvVar.builder().name(s.name());
    switch (s.source()) {
      case LITERAL -> b.value(s.value());
      case SECRET -> b.secret(SecretKeyRef.of(s.secret(), s.key()));
      case FIELD -> b.field(PodField.POD_NAME);
      case NONE -> { }
      case VALUE_AND_FIELD -> b.value(s.value()).field(PodField.POD_IP);
    }
    return b.build();
  }

  private static Resources resources(ResourcesSpec s) {
    Resources.Builder b = Resources.builder();
    if (s.cpuRequest() != null) {
      b.cpuRequest(s.cpuRequest());
    }
    if (s.cpuLimit() != null) {
      b.cpuLimit(s.cpuLimit());
    }
    if (s.memoryRequest() != null) {
      b.memoryRequest(s.memoryRequest());
    }
    if (s.memoryLimit() != null) {
      b.memoryLimit(s.memoryLimit());
    }
    return b.build();
  }

  /** Empty for no probe; otherwise how to build it (which may fail). */
  private Optional<Supplier<Probe>> probe(ProbeSpec s) {
    if (s == null) {
      return Optional.empty();
    }
    return Optional.of(() -> {
      Probe.Builder b = Probe.builder().periodSeconds(s.periodSeconds());
      if (s.check() == CheckKind.NO_CHECK) {
        b.check(null);
      } else {
        attempt(() -> check(s)).ifPresent(b::check);
      }
      return b.build();
    });
  }

  private static ProbeCheck check(ProbeSpec s) {
    Optional<String> port = Optional.ofNullable(s.port());
    return switch (s.check()) {
      case HTTP -> HttpCheck.builder().port(port).path("/health").build();
      case TCP -> TcpCheck.builder().port(port).build();
      case GRPC -> GrpcCheck.builder().port(port).build();
      case EXEC -> ExecCheck.builder().addCommand("sh", "-c", "true").build();
      case EMPTY_EXEC -> ExecCheck.builder().build();
      case JSON_RPC -> JsonRpcCheck.builder().port(port).method("eth_syncing").expect(JsonRpcExpectation.equalTo("false")).build();
      case JSON_RPC_BAD_PARAMS -> JsonRpcCheck.builder().port(port).method(null).params("{}").build();
      case NO_CHECK -> throw new IllegalArgumentException("handled by the caller");
    };
  }

  private static SecurityContext security(Security s) {
    return switch (s) {
      case RESTRICTED -> SecurityContext.restricted();
      case INSECURE_ROOT -> SecurityContext.insecureRoot();
      case ROOT_BUT_NON_ROOT -> SecurityContext.builder().runAsUser(0).build();
      case PRIVILEGED_NON_ROOT -> SecurityContext.builder().privileged(true).build();
      case BAD_CAPABILITY -> SecurityContext.builder().addCapability("net_admin").build();
    };
  }

  private void policies(PolicySpec s, String namespace, Network.Builder b) {
    if (s.isolation() != null) {
      attempt(() -> isolation(s.isolation(), namespace)).ifPresent(b::isolation);
    }
    s.backups().forEach(backup -> attempt(() -> backup(backup)).ifPresent(b::addBackup));
    s.autoscalers().forEach(scaler -> attempt(() -> autoscaler(scaler)).ifPresent(b::addAutoscaler));
    s.verticalScaling().forEach(v -> attempt(() -> vertical(v)).ifPresent(b::addVerticalScaling));
    if (s.quota() != null) {
      attempt(() -> quota(s.quota())).ifPresent(b::quota);
    }
    if (s.secretSource().set()) {
      if (s.secretSource().value() == null) {
        b.secretSource(null);
      } else {
        attempt(() -> secretSource(s.secretSource().value())).ifPresent(b::secretSource);
      }
    }
  }

  private IsolationPolicy isolation(IsolationSpec s, String namespace) {
    IsolationPolicy.Builder b = IsolationPolicy.builder();
    if (!s.defaultDeny() && namespace != null) {
      b.addOpenNamespaces(namespace);
    }
    for (RuleSpec r : s.rules()) {
      attempt(() -> {
        IsolationRule.Builder rb = IsolationRule.builder().workload(r.workload()).direction(r.direction()).addAllPorts(r.ports());
        if (r.peer() == null) {
          rb.peer(null);
        } else {
          attempt(() -> peer(r.peer())).ifPresent(rb::peer);
        }
        return rb.build();
      }).ifPresent(b::addRule);
    }
    return b.build();
  }

  private static TrafficPeer peer(PeerSpec s) {
    TrafficPeer.Builder b = TrafficPeer.builder().kind(s.kind());
    s.name().applyTo(b::name);
    return b.build();
  }

  private BackupPolicy backup(BackupSpec s) {
    BackupPolicy.Builder b = BackupPolicy.builder().name(s.name()).addAllWorkloads(s.workloads())
        .retain(s.retain()).snapshotClass(s.snapshotClass());
    if (s.schedule() == null) {
      b.schedule(null);
    } else {
      attempt(() -> CronSchedule.of(s.schedule())).ifPresent(b::schedule);
    }
    s.snapshotDriver().applyTo(b::snapshotDriver);
    return b.build();
  }

  private Autoscaler autoscaler(AutoscalerSpec s) {
    Autoscaler.Builder b = Autoscaler.builder().workload(s.workload()).minReplicas(s.min()).maxReplicas(s.max());
    s.metrics().forEach(m -> attempt(() -> metric(m)).ifPresent(b::addMetric));
    return b.build();
  }

  private static ScalingMetric metric(MetricSpec s) {
    ScalingMetric.Builder b = ScalingMetric.builder().source(s.source()).name(s.name());
    if (s.utilization() != null) {
      b.targetUtilization(s.utilization());
    }
    if (s.averageValue() != null) {
      b.targetAverageValue(s.averageValue());
    }
    return b.build();
  }

  private static VerticalScaling vertical(VerticalSpec s) {
    VerticalScaling.Builder b = VerticalScaling.builder().workload(s.workload()).minCpu(s.minCpu());
    if (s.maxCpu() != null) {
      b.maxCpu(s.maxCpu());
    }
    return b.build();
  }

  private static TenantQuota quota(QuotaSpec s) {
    TenantQuota.Builder b = TenantQuota.builder();
    if (s.cpu() != null) {
      b.cpu(s.cpu());
    }
    if (s.memory() != null) {
      b.memory(s.memory());
    }
    if (s.pods() != null) {
      b.pods(s.pods());
    }
    return b.build();
  }

  private static SecretSource secretSource(SecretSourceKind kind) {
    return switch (kind) {
      case PLATFORM -> SecretSource.platform();
      case VAULT_AGENT -> SecretSource.vaultAgent();
      case EXTERNAL -> SecretSource.externalSecrets("vault-store");
      case EXTERNAL_WITHOUT_STORE -> SecretSource.builder().kind(SecretDelivery.EXTERNAL_SECRETS).build();
      case PLATFORM_WITH_STORE -> SecretSource.builder().kind(SecretDelivery.PLATFORM).store("vault-store").build();
      case BAD_REFRESH -> SecretSource.builder().kind(SecretDelivery.PLATFORM).refreshInterval("soon").build();
      case NO_KIND -> SecretSource.builder().kind(null).build();
    };
  }
}
