package io.chainwright.api;

import io.chainwright.api.exposure.IngressExposure;
import io.chainwright.api.exposure.NodePortExposure;
import io.chainwright.api.policy.Autoscaler;
import io.chainwright.api.policy.BackupPolicy;
import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.MigStrategy;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.api.policy.QuotaFit;
import io.chainwright.api.policy.ScalingMetricSource;
import io.chainwright.api.policy.StorageClass;
import io.chainwright.api.policy.VerticalScaling;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.Volume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The checks that need the whole network: names, references between parts, and dependency cycles. */
final class NetworkChecks {
  /** Metrics of NVIDIA's DCGM exporter, the usual source of per-pod GPU utilisation. */
  private static final String DCGM_PREFIX = "DCGM_";
  private final Network network;
  private final Violations v = Violations.root();
  private final Map<String, Workload> workloads = new LinkedHashMap<>();

  private NetworkChecks(Network network) {
    this.network = network;
    network.workloads().forEach(w -> workloads.putIfAbsent(w.name(), w));
  }

  static void check(Network network) {
    new NetworkChecks(network).run();
  }

  private void run() {
    v.label("name", network.name());
    v.label("namespace", network.namespace());
    v.labels("labels", network.labels());
    v.require("secretSource", network.secretSource());
    v.unique("workloads", network.workloads(), Workload::name);
    v.unique("secrets", network.secrets(), Secret::name);
    v.unique("storageClasses", network.storageClasses(), StorageClass::name);
    v.unique("backups", network.backups(), BackupPolicy::name);
    v.unique("autoscalers", network.autoscalers(), Autoscaler::workload);
    v.unique("verticalScaling", network.verticalScaling(), VerticalScaling::workload);
    workloads.values().forEach(this::checkWorkloadReferences);
    checkNodePorts();
    checkDependencyCycles();
    if (network.requireImageDigests()) {
      checkImageDigests();
    }
    new IsolationChecks(network, v, workloads).run();
    network.backups().forEach(this::checkBackup);
    network.autoscalers().forEach(this::checkAutoscaler);
    network.gpu().ifPresent(this::checkMigResources);
    network.verticalScaling().forEach(s -> workloadExists(v.in("verticalScaling", s.workload()), s.workload()));
    new GatewayChecks(network, v, (at, secret) -> secretExists(at, secret, Optional.empty())).run();
    network.quota().ifPresent(q -> QuotaFit.check(v, q, network, "the quota"));
    network.monitoring().flatMap(MonitoringPolicy::routing).ifPresent(routing -> routing.receivers().forEach(r ->
        r.credential().ifPresent(ref -> secretExists(v.in("monitoring").in("routing").in("receivers", r.name()).in("credential"),
            ref.secret(), Optional.of(ref.key())))));
    v.throwIfAny();
  }

  private void checkWorkloadReferences(Workload w) {
    Violations at = v.in("workloads", w.name());
    for (Dependency d : w.dependsOn()) {
      Workload target = workloads.get(d.workload());
      if (target == null) {
        at.in("dependsOn", d.workload()).add("workload", "'" + d.workload() + "' is not a workload of this network");
      } else if (d.condition() == DependencyCondition.COMPLETED && target.isLongRunning()) {
        at.in("dependsOn", d.workload()).add("condition", "'" + d.workload() + "' is " + target.kind() + " and never completes");
      }
    }
    for (Volume vol : w.volumes()) {
      if (vol instanceof DataVolume data) {
        data.storageClass().filter(sc -> network.storageClasses().stream().noneMatch(c -> c.name().equals(sc)))
            .ifPresent(sc -> at.in("volumes", vol.name()).add("storageClass",
                "'" + sc + "' is not a storage class of this network (declare it, or StorageClass.existing(\"" + sc + "\"))"));
      }
      if (vol instanceof SecretVolume sv) {
        secretExists(at.in("volumes", vol.name()).in("secret"), sv.secret(), Optional.empty());
        if (network.secret(sv.secret()).isPresent()) {
          sv.items().keySet().forEach(key -> secretExists(at.in("volumes", vol.name()).in("items", key), sv.secret(), Optional.of(key)));
        }
      }
    }
    for (Container c : w.allContainers()) {
      for (EnvVar e : c.env()) {
        e.secret().ifPresent(ref -> secretExists(
            at.in("containers", c.name()).in("env", e.name()).in("secret"), ref.secret(), Optional.of(ref.key())));
      }
      for (Port p : c.ports()) {
        if (p.exposure() instanceof IngressExposure ingress) {
          Violations pv = at.in("containers", c.name()).in("ports", p.name()).in("exposure");
          ingress.tlsSecret().ifPresent(s -> secretExists(pv.in("tlsSecret"), s, Optional.empty()));
          ingress.basicAuthSecret().ifPresent(s -> secretExists(pv.in("basicAuthSecret"), s, Optional.empty()));
        }
      }
    }
  }

  private void secretExists(Violations at, String name, Optional<String> key) {
    Optional<Secret> secret = network.secret(name);
    if (secret.isEmpty()) {
      at.add("'" + name + "' is not a secret of this network (declare it, or Secret.provided(\"" + name + "\"))");
      return;
    }
    key.filter(k -> !secret.get().provided() && !secret.get().data().containsKey(k))
        .ifPresent(k -> at.add("secret '" + name + "' has no key '" + k + "'"));
  }

  private void checkImageDigests() {
    for (Workload w : network.workloads()) {
      w.allContainers().stream().filter(c -> c.image() != null && c.image().digest().isEmpty())
          .forEach(c -> v.in("workloads", w.name()).in("containers", c.name()).add("image",
              "'" + c.image().reference() + "' is not pinned by digest, which this network requires (repository@sha256:...)"));
    }
  }

  private void checkNodePorts() {
    Map<String, String> taken = new HashMap<>();
    for (Workload w : workloads.values()) {
      for (Container c : w.allContainers()) {
        for (Port p : c.ports()) {
          if (p.exposure() instanceof NodePortExposure np && np.nodePort().isPresent()) {
            String key = np.nodePort().get() + "/" + p.protocol();
            String where = "workloads[" + w.name() + "].containers[" + c.name() + "].ports[" + p.name() + "]";
            String previous = taken.putIfAbsent(key, where);
            if (previous != null) {
              v.in("workloads", w.name()).in("containers", c.name()).in("ports", p.name())
                  .add("exposure.nodePort", "node port " + key + " is already used by " + previous);
            }
          }
        }
      }
    }
  }

  private void checkDependencyCycles() {
    Map<String, List<String>> edges = new HashMap<>();
    workloads.values().forEach(w -> edges.put(w.name(),
        w.dependsOn().stream().map(Dependency::workload).filter(workloads::containsKey).toList()));
    Set<String> reported = new HashSet<>();
    for (String start : workloads.keySet()) {
      findCycle(start, edges, new ArrayList<>(), new HashSet<>()).ifPresent(cycle -> {
        String key = cycle.stream().distinct().sorted().collect(Collectors.joining(","));
        if (reported.add(key)) {
          v.in("workloads", start).add("dependsOn", "dependency cycle: " + String.join(" -> ", cycle));
        }
      });
    }
  }

  private static Optional<List<String>> findCycle(
      String node, Map<String, List<String>> edges, List<String> path, Set<String> done) {
    int at = path.indexOf(node);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(node);
      return Optional.of(cycle);
    }
    if (!done.add(node)) {
      return Optional.empty();
    }
    path.add(node);
    for (String next : edges.getOrDefault(node, List.of())) {
      Optional<List<String>> cycle = findCycle(next, edges, path, done);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    return Optional.empty();
  }

  private void checkBackup(BackupPolicy backup) {
    Violations at = v.in("backups", backup.name());
    for (String name : backup.workloads()) {
      workloadExists(at.in("workloads"), name).ifPresent(w -> {
        if (w.volumes().stream().noneMatch(DataVolume.class::isInstance)) {
          at.in("workloads", name).add("workload " + name + " has no data volume to back up");
        }
      });
    }
  }

  private void checkAutoscaler(Autoscaler scaler) {
    Violations at = v.in("autoscalers", scaler.workload());
    workloadExists(at, scaler.workload()).ifPresent(w -> {
      if (w.kind() != WorkloadKind.STATELESS && w.kind() != WorkloadKind.STATEFUL) {
        at.add("workload", "only stateful and stateless workloads scale; " + w.name() + " is " + w.kind());
      }
    });
    boolean dcgm = network.gpu().map(GpuPolicy::providesDcgmMetrics).orElse(false);
    scaler.metrics().stream()
        .filter(m -> m.source() == ScalingMetricSource.PODS && m.name().startsWith(DCGM_PREFIX) && !dcgm)
        .forEach(m -> at.in("metrics", m.name()).add("an autoscaler on GPU metric " + m.name()
            + " needs a DCGM metric source: give the network a GpuPolicy with the DCGM exporter"));
  }

  /** Slices asked for by profile name exist only under the mixed strategy; the single strategy calls them nvidia.com/gpu. */
  private void checkMigResources(GpuPolicy gpu) {
    if (gpu.migStrategy() == MigStrategy.MIXED) {
      return;
    }
    for (Workload w : workloads.values()) {
      for (Container c : w.allContainers()) {
        c.resources().gpu().filter(Gpu::isMig).ifPresent(g -> v.in("workloads", w.name()).in("containers", c.name())
            .add("resources.gpu.resource", "'" + g.resource() + "' is offered only under the MIXED MIG strategy (the GPU policy has "
                + gpu.migStrategy() + ")"));
      }
    }
  }

  private Optional<Workload> workloadExists(Violations at, String name) {
    return workloadIn(workloads, at, name);
  }

  /** The workload called {@code name}, or a violation at {@code at} saying the network has none. */
  static Optional<Workload> workloadIn(Map<String, Workload> workloads, Violations at, String name) {
    Workload w = workloads.get(name);
    if (w == null && name != null) {
      at.add("workload", "'" + name + "' is not a workload of this network");
    }
    return Optional.ofNullable(w);
  }
}
