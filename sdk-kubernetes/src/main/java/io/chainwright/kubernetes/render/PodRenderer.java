package io.chainwright.kubernetes.render;

import io.chainwright.api.Container;
import io.chainwright.api.Digests;
import io.chainwright.api.Seccomp;
import io.chainwright.api.Sgx;
import io.chainwright.api.VaultAgent;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.scheduling.AntiAffinity;
import io.chainwright.api.scheduling.Scheduling;
import io.chainwright.api.scheduling.TaintEffect;
import io.chainwright.api.scheduling.Toleration;
import io.chainwright.api.scheduling.TopologySpread;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.DeviceVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.Volume;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTermBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds the pod template of a workload: containers, volumes, scheduling, pod security and Vault annotations. */
final class PodRenderer {
  /** The pod annotation carrying {@link #configDigest}. */
  static final String CONFIG_DIGEST = OwnershipLabels.PREFIX + "config-digest";

  private PodRenderer() {}

  static PodTemplateSpec render(RenderContext ctx, Workload w) {
    List<io.fabric8.kubernetes.api.model.Container> init = new ArrayList<>();
    w.initContainers().forEach(c -> init.add(ContainerRenderer.render(c, ContainerRenderer.Role.INIT)));
    w.sidecars().forEach(c -> init.add(ContainerRenderer.render(c, ContainerRenderer.Role.SIDECAR)));
    Scheduling s = w.scheduling();
    PodSpecBuilder spec = new PodSpecBuilder()
        // Workloads do not talk to the API server; a mounted token would only be something to steal.
        .withAutomountServiceAccountToken(false)
        .withInitContainers(RenderContext.listOrNull(init))
        .withContainers(w.containers().stream().map(c -> ContainerRenderer.render(c, ContainerRenderer.Role.MAIN)).toList())
        .withVolumes(RenderContext.listOrNull(w.volumes().stream()
            .flatMap(v -> volume(ctx, w, v).stream()).toList()))
        .withSecurityContext(podSecurity(w))
        .withNodeSelector(RenderContext.sortedOrNull(nodeSelector(ctx, w)))
        .withTolerations(RenderContext.listOrNull(s.tolerations().stream().map(PodRenderer::toleration).toList()))
        .withAffinity(s.antiAffinity().map(a -> antiAffinity(ctx, w, a)).orElse(null))
        .withTopologySpreadConstraints(RenderContext.listOrNull(
            s.topologySpread().stream().map(t -> spread(ctx, w, t)).toList()))
        .withRuntimeClassName(s.runtimeClass().orElse(null));
    if (!w.isLongRunning()) {
      spec.withRestartPolicy("OnFailure");
    }
    Map<String, String> annotations = new TreeMap<>(w.annotations());
    w.vaultAgent().ifPresent(v -> annotations.putAll(vaultAnnotations(v, w)));
    configDigest(w).ifPresent(d -> annotations.put(CONFIG_DIGEST, d));
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(RenderContext.sortedOrNull(Labels.workload(ctx.network(), w)))
        .withAnnotations(RenderContext.sortedOrNull(annotations))
        .endMetadata()
        .withSpec(spec.build())
        .build();
  }

  /**
   * A digest of the workload's config files: a changed file changes the pod template, so its pods are
   * replaced and read the new file (a mounted ConfigMap changes under a running process, which most
   * read their configuration only at start). Secrets are left out, so that no digest of a secret
   * value is ever written where a ConfigMap or pod spec can be read.
   */
  static Optional<String> configDigest(Workload w) {
    List<ConfigVolume> configs = w.volumes().stream().filter(ConfigVolume.class::isInstance).map(ConfigVolume.class::cast)
        .sorted(Comparator.comparing(ConfigVolume::name)).toList();
    if (configs.isEmpty()) {
      return Optional.empty();
    }
    MessageDigest digest = Digests.sha256();
    for (ConfigVolume config : configs) {
      new TreeMap<>(config.files()).forEach((file, content) -> {
        // Lengths first, so that no two different layouts digest alike.
        for (String part : List.of(config.name(), file, content)) {
          byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
          digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
          digest.update(bytes);
        }
      });
    }
    return Optional.of(HexFormat.of().formatHex(digest.digest()));
  }

  /** The Vault agent injector's annotations: log in with the role, write each secret as a file. */
  static Map<String, String> vaultAnnotations(VaultAgent vault, Workload w) {
    Map<String, String> a = new TreeMap<>();
    a.put("vault.hashicorp.com/agent-inject", "true");
    a.put("vault.hashicorp.com/role", vault.role());
    vault.secrets().forEach((file, path) -> a.put("vault.hashicorp.com/agent-inject-secret-" + file, path));
    // A job's pod must be able to finish; a long-running agent beside it would keep it alive forever.
    if (!w.isLongRunning()) {
      a.put("vault.hashicorp.com/agent-pre-populate-only", "true");
    }
    return a;
  }

  private static Optional<io.fabric8.kubernetes.api.model.Volume> volume(RenderContext ctx, Workload w, Volume v) {
    VolumeBuilder b = new VolumeBuilder().withName(v.name());
    switch (v) {
      case DataVolume data -> {
        // A stateful workload gets one claim per replica from its claim templates instead.
        if (w.kind() == WorkloadKind.STATEFUL) {
          return Optional.empty();
        }
        b.withNewPersistentVolumeClaim().withClaimName(WorkloadRenderer.claimName(w, data)).endPersistentVolumeClaim();
      }
      case SecretVolume secret -> b.withNewSecret().withSecretName(secret.secret()).withDefaultMode(secret.fileMode())
          .withItems(secret.items().entrySet().stream()
              .map(item -> new KeyToPathBuilder().withKey(item.getKey()).withPath(item.getValue()).build()).toList())
          .endSecret();
      case ConfigVolume config -> b.withNewConfigMap().withName(ConfigRenderer.configMapName(w, config)).endConfigMap();
      case ScratchVolume scratch -> b.withNewEmptyDir()
          .withMedium(scratch.inMemory() ? "Memory" : null)
          .withSizeLimit(scratch.sizeLimit().map(Quantity::new).orElse(null))
          .endEmptyDir();
      case DeviceVolume device -> b.withNewHostPath().withPath(device.hostPath()).withType("CharDevice").endHostPath();
    }
    return Optional.of(b.build());
  }

  /**
   * Pod-wide settings follow the containers: non-root only if every container is, and the group of
   * the first main container owns the volumes so that a non-root process can write its data.
   */
  private static PodSecurityContext podSecurity(Workload w) {
    List<Container> all = w.allContainers();
    boolean nonRoot = all.stream().allMatch(c -> c.security().runAsNonRoot());
    boolean runtimeDefault = all.stream().allMatch(c -> c.security().seccomp() == Seccomp.RUNTIME_DEFAULT);
    boolean hasVolumes = w.volumes().stream().anyMatch(v -> v instanceof DataVolume || v instanceof ScratchVolume);
    PodSecurityContextBuilder b = new PodSecurityContextBuilder()
        .withRunAsNonRoot(nonRoot ? true : null)
        .withSeccompProfile(runtimeDefault ? new io.fabric8.kubernetes.api.model.SeccompProfile(null, "RuntimeDefault") : null);
    if (nonRoot && hasVolumes) {
      b.withFsGroup(w.containers().get(0).security().runAsGroup())
          // Changing the owner of terabytes of chain data on every start would take hours.
          .withFsGroupChangePolicy("OnRootMismatch");
    }
    return b.build();
  }

  /** The workload's node selector plus the GPU model its containers ask for, and SGX-capable nodes for enclaves. */
  private static Map<String, String> nodeSelector(RenderContext ctx, Workload w) {
    Map<String, String> selector = new TreeMap<>(w.scheduling().nodeSelector());
    for (Container c : w.allContainers()) {
      c.resources().sgx().ifPresent(sgx -> selector.put(Sgx.NODE_LABEL, "true"));
      c.resources().gpu().ifPresent(gpu -> gpu.type().ifPresent(type -> {
        String previous = selector.putIfAbsent(gpu.typeLabel(), type);
        if (previous != null && !previous.equals(type)) {
          ctx.violations().in("workloads", w.name()).in("containers", c.name())
              .add("resources.gpu.type", "'" + type + "' contradicts node selector " + gpu.typeLabel() + "=" + previous);
        }
      }));
    }
    return selector;
  }

  private static io.fabric8.kubernetes.api.model.Toleration toleration(Toleration t) {
    return new TolerationBuilder()
        .withKey(t.key())
        .withOperator(t.value().isPresent() ? "Equal" : "Exists")
        .withValue(t.value().orElse(null))
        .withEffect(t.effect().map((TaintEffect e) -> switch (e) {
          case NO_SCHEDULE -> "NoSchedule";
          case PREFER_NO_SCHEDULE -> "PreferNoSchedule";
          case NO_EXECUTE -> "NoExecute";
        }).orElse(null))
        .build();
  }

  private static LabelSelector selector(RenderContext ctx, Workload w) {
    return new LabelSelectorBuilder().withMatchLabels(Labels.selector(ctx.network(), w)).build();
  }

  private static Affinity antiAffinity(RenderContext ctx, Workload w, AntiAffinity a) {
    PodAffinityTerm term = new PodAffinityTermBuilder()
        .withLabelSelector(selector(ctx, w))
        .withTopologyKey(a.across().nodeLabel())
        .build();
    AffinityBuilder b = new AffinityBuilder();
    if (a.required()) {
      b.withNewPodAntiAffinity().withRequiredDuringSchedulingIgnoredDuringExecution(term).endPodAntiAffinity();
    } else {
      b.withNewPodAntiAffinity()
          .withPreferredDuringSchedulingIgnoredDuringExecution(new WeightedPodAffinityTermBuilder()
              .withWeight(100).withPodAffinityTerm(term).build())
          .endPodAntiAffinity();
    }
    return b.build();
  }

  private static TopologySpreadConstraint spread(RenderContext ctx, Workload w, TopologySpread t) {
    return new TopologySpreadConstraintBuilder()
        .withMaxSkew(t.maxSkew())
        .withTopologyKey(t.across().nodeLabel())
        .withWhenUnsatisfiable(t.strict() ? "DoNotSchedule" : "ScheduleAnyway")
        .withLabelSelector(selector(ctx, w))
        .build();
  }
}
