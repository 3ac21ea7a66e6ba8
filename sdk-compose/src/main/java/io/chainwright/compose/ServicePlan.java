package io.chainwright.compose;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.Network;
import io.chainwright.api.Violations;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a network maps onto Compose services, shared by the renderer and both runtimes so that they
 * agree on every name and every start-order edge.
 *
 * <p>Each replica of a workload gets one service per container. Stateful and stateless workloads
 * with several replicas get one set of services per replica ({@code rpc-0}, {@code rpc-1}), so each
 * has its own data and ports. Init containers run in order before the others; sidecars and main
 * containers share the network of the replica's first main container, as containers of a pod do.
 */
public final class ServicePlan {
  private final Network network;
  private final List<ComposeService> services = new ArrayList<>();
  private final Map<String, List<ComposeService>> byWorkload = new LinkedHashMap<>();
  private final Map<String, ComposeService> byName = new LinkedHashMap<>();

  private ServicePlan(Network network) {
    this.network = network;
    for (Workload w : network.workloads()) {
      for (int replica = 0; replica < replicas(w); replica++) {
        plan(w, replica);
      }
    }
    checkNamesAreDistinct();
  }

  /** Workload {@code a} with container {@code b} and a workload named {@code a-b} would both be service {@code a-b}. */
  private void checkNamesAreDistinct() {
    Violations v = Violations.root();
    Map<String, ComposeService> seen = new LinkedHashMap<>();
    for (ComposeService s : services) {
      ComposeService other = seen.putIfAbsent(s.name(), s);
      if (other != null) {
        v.in("workloads", s.workload().name()).in("containers", s.container().name())
            .add("becomes Compose service '" + s.name() + "', as does container " + other.container().name()
                + " of workload " + other.workload().name() + "; rename one");
      }
    }
    v.throwIfAny();
  }

  /** The services for {@code network}, in a stable order. */
  public static ServicePlan of(Network network) {
    return new ServicePlan(network);
  }

  public Network network() {
    return network;
  }

  public List<ComposeService> services() {
    return List.copyOf(services);
  }

  /** The service named {@code name}, if the plan has one (helpers a backend adds are not in the plan). */
  public Optional<ComposeService> service(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The services of one workload, every replica, in order. */
  public List<ComposeService> servicesOf(String workload) {
    return byWorkload.getOrDefault(workload, List.of());
  }

  /** The anchor service of a workload's replica: where its ports are reached. */
  public ComposeService anchorOf(String workload, int replica) {
    return servicesOf(workload).stream()
        .filter(s -> s.replica() == replica && s.isAnchor())
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No replica " + replica + " of workload " + workload));
  }

  /** Cron jobs get one run's worth of services; daemons one; jobs one; the rest their replica count. */
  static int replicas(Workload w) {
    return w.kind() == WorkloadKind.STATEFUL || w.kind() == WorkloadKind.STATELESS ? w.replicas() : 1;
  }

  private void plan(Workload w, int replica) {
    boolean several = replicas(w) > 1;
    String base = several ? w.name() + "-" + replica : w.name();
    String anchor = serviceName(base, w, w.containers().get(0));
    Map<String, String> external = workloadDependencies(w);

    String previousInit = null;
    for (Container init : w.initContainers()) {
      Map<String, String> deps = new LinkedHashMap<>(external);
      if (previousInit != null) {
        deps.put(previousInit, ComposeService.COMPLETED);
      }
      String name = serviceName(base, w, init);
      add(new ComposeService(name, w, init, replica, ServiceRole.INIT, name, deps));
      previousInit = name;
    }
    Map<String, String> afterInit = new LinkedHashMap<>(external);
    if (previousInit != null) {
      afterInit.put(previousInit, ComposeService.COMPLETED);
    }
    for (Container main : w.containers()) {
      Map<String, String> deps = new LinkedHashMap<>(afterInit);
      String name = serviceName(base, w, main);
      if (!name.equals(anchor)) {
        deps.put(anchor, ComposeService.STARTED);
      }
      add(new ComposeService(name, w, main, replica, ServiceRole.MAIN, anchor, deps));
    }
    for (Container sidecar : w.sidecars()) {
      Map<String, String> deps = new LinkedHashMap<>(afterInit);
      deps.put(anchor, ComposeService.STARTED);
      add(new ComposeService(serviceName(base, w, sidecar), w, sidecar, replica, ServiceRole.SIDECAR, anchor, deps));
    }
  }

  private void add(ComposeService service) {
    services.add(service);
    byName.putIfAbsent(service.name(), service);
    byWorkload.computeIfAbsent(service.workload().name(), k -> new ArrayList<>()).add(service);
  }

  /** A container named like its workload is the workload's service; others get the container name appended. */
  private static String serviceName(String base, Workload w, Container c) {
    return c.name().equals(w.name()) ? base : base + "-" + c.name();
  }

  private Map<String, String> workloadDependencies(Workload w) {
    Map<String, String> deps = new LinkedHashMap<>();
    for (Dependency d : w.dependsOn()) {
      Workload target = network.workload(d.workload()).orElseThrow();
      for (int replica = 0; replica < replicas(target); replica++) {
        ComposeService anchor = anchorOfPlanned(target, replica);
        deps.put(anchor.name(), condition(d, anchor));
      }
    }
    return deps;
  }

  /** Dependencies point at workloads declared earlier or later; names are computed, not looked up. */
  private static ComposeService anchorOfPlanned(Workload target, int replica) {
    String base = replicas(target) > 1 ? target.name() + "-" + replica : target.name();
    String name = serviceName(base, target, target.containers().get(0));
    return new ComposeService(name, target, target.containers().get(0), replica, ServiceRole.MAIN, name, Map.of());
  }

  private static String condition(Dependency d, ComposeService target) {
    return switch (d.condition()) {
      case STARTED -> ComposeService.STARTED;
      case COMPLETED -> ComposeService.COMPLETED;
      case READY -> target.container().readiness().isPresent() ? ComposeService.HEALTHY : ComposeService.STARTED;
    };
  }
}
