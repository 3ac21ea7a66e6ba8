package io.chainwright.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.policy.Reach;
import io.chainwright.api.scheduling.Scheduling;
import io.chainwright.api.volume.Volume;
import io.chainwright.api.volume.VolumeMount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.immutables.value.Value;

/**
 * A set of identical replicas, each running the same containers: a node, a database, a job.
 *
 * <pre>{@code
 * Workload geth = Workload.builder()
 *     .name("geth").kind(WorkloadKind.STATEFUL)
 *     .addContainer(Container.builder().name("geth").image(Image.of("ethereum/client-go:v1.15.11"))
 *         .addPort(Port.tcp("rpc", 8545))
 *         .addMount(VolumeMount.of("data", "/data")).build())
 *     .addVolume(DataVolume.of("data", "2Ti"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = Workload.class)
@JsonDeserialize(as = Workload.class)
abstract class AbstractWorkload {
  public abstract String name();

  @Value.Default
  public WorkloadKind kind() {
    return WorkloadKind.STATELESS;
  }

  /** Replicas of a stateful or stateless workload; ignored by jobs and daemons. */
  @Value.Default
  public int replicas() {
    return 1;
  }

  /** Required for, and only for, cron jobs. */
  public abstract Optional<CronSchedule> cron();

  public abstract List<Container> containers();

  /** Run to completion, in order, before the containers start. */
  public abstract List<Container> initContainers();

  /** Start before the containers and keep running beside them (proxies, agents, exporters). */
  public abstract List<Container> sidecars();

  public abstract List<Volume> volumes();

  public abstract Optional<UpdateStrategy> updateStrategy();

  public abstract Optional<DisruptionBudget> disruptionBudget();

  public abstract List<Dependency> dependsOn();

  /**
   * Connections this workload opens that its configuration does not show as a {@code workload:port}
   * address, so that isolation lets them through; see {@link io.chainwright.api.policy.Flows}.
   */
  public abstract List<Reach> reaches();

  public abstract Map<String, String> labels();

  public abstract Map<String, String> annotations();

  /** Where Prometheus scrapes this workload. */
  public abstract Optional<MetricsEndpoint> metrics();

  /** A Vault agent that injects secrets as files. */
  public abstract Optional<VaultAgent> vaultAgent();

  @Value.Default
  public Scheduling scheduling() {
    return Scheduling.anywhere();
  }

  /** Every container of a replica: init containers, sidecars, then the main containers. */
  public List<Container> allContainers() {
    return Stream.of(initContainers(), sidecars(), containers()).flatMap(List::stream).toList();
  }

  /** The ports of the containers that serve traffic (sidecars and main containers, not init containers). */
  public List<Port> servingPorts() {
    return Stream.concat(sidecars().stream(), containers().stream()).flatMap(c -> c.ports().stream()).toList();
  }

  /** The port called {@code name} on any container that serves traffic. */
  public Optional<Port> port(String name) {
    return servingPorts().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The volume called {@code name}. */
  public Optional<Volume> volume(String name) {
    return volumes().stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** True for kinds that keep running (stateful, stateless, daemon), false for jobs. */
  @JsonIgnore
  public boolean isLongRunning() {
    return kind() != WorkloadKind.JOB && kind() != WorkloadKind.CRON_JOB;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("workloads", name());
    v.label("name", name());
    if (v.require("kind", kind())) {
      checkKind(v);
    }
    v.range("replicas", replicas(), 0, 10_000, "a replica count");
    if (containers().isEmpty()) {
      v.add("containers", "a workload needs at least one container");
    }
    v.unique("containers", allContainers(), Container::name);
    v.unique("volumes", volumes(), Volume::name);
    checkMounts(v);
    checkPorts(v);
    metrics().filter(m -> port(m.port()).isEmpty())
        .ifPresent(m -> v.add("metrics.port", "'" + m.port() + "' is not a port of this workload"));
    dependsOn().stream().filter(d -> name() != null && name().equals(d.workload()))
        .forEach(d -> v.in("dependsOn", d.workload()).add("a workload cannot depend on itself"));
    v.unique("dependsOn", dependsOn(), Dependency::workload);
    v.require("scheduling", scheduling());
    v.labels("labels", labels());
    annotations().keySet().forEach(k -> Names.labelKeyProblem(k).ifPresent(p -> v.add("annotations", "key '" + k + "' " + p)));
    v.throwIfAny();
  }

  private void checkKind(Violations v) {
    if (kind() == WorkloadKind.CRON_JOB && cron().isEmpty()) {
      v.add("cron", "a cron job needs a schedule");
    }
    if (kind() != WorkloadKind.CRON_JOB && cron().isPresent()) {
      v.add("cron", "only a cron job takes a schedule (kind is " + kind() + ")");
    }
    if (kind() != WorkloadKind.STATEFUL && updateStrategy().flatMap(UpdateStrategy::partition).isPresent()) {
      v.add("updateStrategy.partition", "only stateful workloads update by partition");
    }
    if (!isLongRunning() && updateStrategy().isPresent()) {
      v.add("updateStrategy", "jobs are not rolled out; remove the update strategy");
    }
    if (!isLongRunning() && disruptionBudget().isPresent()) {
      v.add("disruptionBudget", "jobs take no disruption budget");
    }
    if (!isLongRunning() && containers().stream().anyMatch(c -> c.ports().stream().anyMatch(p -> p.exposure().leavesNetwork()))) {
      v.add("containers", "a job's ports cannot be exposed outside the network");
    }
  }

  private void checkMounts(Violations v) {
    Set<String> declared = volumes().stream().map(Volume::name).collect(Collectors.toSet());
    for (Container c : allContainers()) {
      for (VolumeMount m : c.mounts()) {
        if (m.volume() != null && !declared.contains(m.volume())) {
          v.in("containers", c.name()).in("mounts", m.volume())
              .add("volume", "'" + m.volume() + "' is not a volume of this workload (declared: " + sorted(declared) + ")");
        }
      }
    }
  }

  /** Port names must be unique across the pod; a number may repeat only on the other protocol (P2P on TCP and UDP). */
  private void checkPorts(Violations v) {
    List<Container> serving = new ArrayList<>(sidecars());
    serving.addAll(containers());
    Map<String, String> byName = new HashMap<>();
    Map<String, String> byNumber = new HashMap<>();
    for (Container c : serving) {
      for (Port p : c.ports()) {
        String where = "containers[" + c.name() + "].ports[" + p.name() + "]";
        String previous = byName.putIfAbsent(p.name(), where);
        if (previous != null && !previous.startsWith("containers[" + c.name() + "]")) {
          v.in("containers", c.name()).in("ports", p.name()).add("name", "'" + p.name() + "' is already used by " + previous);
        }
        String numberKey = p.number() + "/" + p.protocol();
        String previousNumber = byNumber.putIfAbsent(numberKey, where);
        if (previousNumber != null && !previousNumber.equals(where)) {
          v.in("containers", c.name()).in("ports", p.name())
              .add("number", p.number() + "/" + p.protocol() + " is already used by " + previousNumber);
        }
      }
    }
  }

  private static String sorted(Set<String> names) {
    return names.stream().sorted().collect(Collectors.joining(", "));
  }
}
