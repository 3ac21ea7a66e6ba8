package io.chainwright.compose;

import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.exposure.GatewayExposure;
import io.chainwright.api.policy.StorageClass;
import io.chainwright.api.scheduling.Scheduling;
import io.chainwright.api.volume.DataVolume;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a network describes that a Compose project cannot carry, so that nothing is dropped
 * silently: each render logs it once per network at WARN, and {@link #in} lists it for callers.
 */
public final class NotRendered {
  private static final Logger LOG = LoggerFactory.getLogger(NotRendered.class);
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private NotRendered() {}

  /** One line for each part of {@code network} that the Compose project leaves out, and what happens instead. */
  public static List<String> in(Network network) {
    List<String> out = new ArrayList<>();
    List<String> classes = new ArrayList<>(network.storageClasses().stream().map(StorageClass::name).toList());
    network.workloads().stream().flatMap(w -> w.volumes().stream())
        .filter(DataVolume.class::isInstance).map(DataVolume.class::cast)
        .flatMap(d -> d.storageClass().stream()).filter(c -> !classes.contains(c)).distinct().forEach(classes::add);
    if (!classes.isEmpty()) {
      out.add("storage classes " + classes + ": volumes use the engine's local driver");
    }
    // Default deny is the SDK's own default on Kubernetes; what a user wrote is worth a line.
    if (!network.isolation().rules().isEmpty() || !network.isolation().publishedFrom().isEmpty()) {
      out.add("isolation rules: Compose has no network policies, so every service reaches every other");
    }
    network.monitoring().ifPresent(m -> out.add("monitoring: no Prometheus runs; scrape targets and alert rules are written to "
        + PrometheusFiles.CONFIG + " and " + PrometheusFiles.RULES + " for a Prometheus of the caller's"
        + (m.routing().isPresent() ? ", alert routing to " + AlertmanagerFile.PATH + " for an Alertmanager of the caller's" : "")));
    if (!network.backups().isEmpty()) {
      out.add(network.backups().size() + " backup policies: no snapshots or backup jobs");
    }
    network.quota().ifPresent(q -> out.add("tenant quota: no resource quota or limits"));
    network.access().ifPresent(a -> out.add("access for " + a.adminGroups() + ": Compose has no roles; whoever runs the engine runs all"));
    if (!network.gateways().isEmpty()) {
      out.add("gateways " + network.gateways().stream().map(g -> g.name()).toList()
          + ": no gateway runs; the ports behind them are published on 127.0.0.1, for a proxy of the caller's");
    }
    workloads(network, w -> w.servingPorts().stream().anyMatch(p -> p.exposure() instanceof GatewayExposure gw
        && (gw.apiKeysSecret().isPresent() || gw.rateLimitPerSecond().isPresent())))
        .ifPresent(names -> out.add("API keys and rate limits of the gateway routes of " + names
            + ": no gateway runs; their ports are published on 127.0.0.1 only, without them"));
    if (!network.autoscalers().isEmpty() || !network.verticalScaling().isEmpty()) {
      out.add("autoscaling: replicas and resources stay as described");
    }
    network.gpu().ifPresent(g -> out.add("GPU policy (operator, MIG layouts): GPU requests reserve whole devices"));
    workloads(network, w -> w.allContainers().stream().anyMatch(c -> c.resources().sgx().isPresent()))
        .ifPresent(names -> out.add("SGX enclave resources of " + names + ": a Kubernetes device plugin's; pass the host's"
            + " SGX devices with a DeviceVolume"));
    workloads(network, w -> w.disruptionBudget().isPresent())
        .ifPresent(names -> out.add("disruption budgets of " + names));
    workloads(network, w -> !w.scheduling().equals(Scheduling.anywhere()))
        .ifPresent(names -> out.add("scheduling (affinity, tolerations, spread) of " + names + ": every service runs on the one engine"));
    workloads(network, w -> w.kind() == WorkloadKind.CRON_JOB)
        .ifPresent(names -> out.add("schedules of cron jobs " + names + ": they are in profile " + ComposeRenderer.CRON_PROFILE
            + ", run on demand, not on schedule"));
    return out;
  }

  /** Logs {@link #in} at WARN, once per network name in this JVM. */
  static void warnOnce(Network network) {
    if (WARNED.contains(network.name())) {
      return;
    }
    List<String> gaps = in(network);
    if (!gaps.isEmpty() && WARNED.add(network.name())) {
      LOG.warn("The Compose project of network {} leaves out what Compose cannot say:\n  - {}", network.name(), String.join("\n  - ", gaps));
    }
  }

  private static Optional<List<String>> workloads(Network network, Predicate<Workload> which) {
    List<String> names = network.workloads().stream().filter(which).map(Workload::name).toList();
    return names.isEmpty() ? Optional.empty() : Optional.of(names);
  }
}
