package io.chainwright.api.tenant;

import io.chainwright.api.Container;
import io.chainwright.api.DataVolume;
import io.chainwright.api.GatewayExposure;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Quantity;
import io.chainwright.api.SecurityLevel;
import io.chainwright.api.Violations;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.policy.AccessPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.api.policy.TenantQuota;
import io.chainwright.api.policy.TrafficPeer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Places one tenant's network on the platform, and checks that it fits there. */
final class TenantPlacement {
  static final String OWNER = OwnershipLabels.PREFIX + "owner";

  private TenantPlacement() {}

  static Network place(TenantPlatform platform, Tenant tenant, Network network) {
    IsolationPolicy own = network.isolation().orElseGet(IsolationPolicy::denyAllExcept);
    IsolationPolicy.Builder isolation = IsolationPolicy.builder().from(own).defaultDeny(true)
        .publishedFrom(List.of(TrafficPeer.namespace(platform.proxyNamespace())));
    for (Workload w : network.workloads()) {
      // Prometheus scrapes from its own namespace; under default deny it would be refused.
      w.metrics().map(m -> IsolationRule.allowInto(w.name(), TrafficPeer.monitoring(), m.port()))
          .filter(rule -> !own.rules().contains(rule)).ifPresent(isolation::addRules);
    }
    MonitoringPolicy monitoring = network.monitoring()
        .orElseGet(() -> MonitoringPolicy.builder().putAllLabels(platform.monitoringLabels()).build());
    return Network.builder().from(network)
        .monitoring(MonitoringPolicy.builder().from(monitoring).addAllAlerts(QuotaAlerts.of(tenant, network.namespace())).build())
        .putAllLabels(tenant.labels())
        .putLabel(OwnershipLabels.TENANT, tenant.name())
        .putAnnotation(OWNER, tenant.owner())
        .quota(tenant.plan().quota())
        .access(AccessPolicy.builder().addAllAdminGroups(tenant.adminGroups()).build())
        .isolation(isolation.build())
        .build();
  }

  static void check(Violations v, TenantPlatform platform, Tenant tenant, Network network) {
    if (network.quota().isPresent()) {
      v.add("quota", "a tenant's network takes its quota from the plan '" + tenant.plan().name() + "'; leave it out");
    }
    if (!network.gateways().isEmpty()) {
      v.add("gateways", "a tenant's ports are published through the platform's gateway '" + platform.gateway() + "'");
    }
    network.isolation().filter(i -> !i.defaultDeny())
        .ifPresent(i -> v.add("isolation.defaultDeny", "a tenant's network denies by default; other tenants share the cluster"));
    for (Workload w : network.workloads()) {
      Violations at = v.in("workloads", w.name());
      SecurityLevel level = SecurityLevel.of(w);
      if (level != SecurityLevel.RESTRICTED) {
        at.add("tenant namespaces enforce Pod Security 'restricted'; this workload meets only '" + level.label()
            + "' (root, privilege escalation, added capabilities, unconfined seccomp or a host device)");
      }
      if (w.kind() == WorkloadKind.DAEMON) {
        at.add("kind", "a tenant runs no daemons: one pod on every node of a shared cluster");
      }
      for (Container c : w.allContainers()) {
        for (Port p : c.ports()) {
          if (p.exposure().leavesNetwork() && !throughPlatform(p, platform)) {
            at.in("containers", c.name()).in("ports", p.name()).add("exposure",
                "a tenant's port leaves the network only through the platform's gateway '" + platform.gatewayNamespace() + "/"
                    + platform.gateway() + "'; node ports, load balancers and ingresses would let other tenants in");
          }
        }
      }
    }
    checkQuota(v, tenant.plan(), network);
  }

  private static boolean throughPlatform(Port p, TenantPlatform platform) {
    return p.exposure() instanceof GatewayExposure gw && gw.gateway().equals(platform.gateway())
        && gw.gatewayNamespace().filter(platform.gatewayNamespace()::equals).isPresent();
  }

  /** What the network asks for at most, against the plan; a container without requests gets the plan's defaults. */
  private static void checkQuota(Violations v, TenantPlan plan, Network network) {
    TenantQuota q = plan.quota();
    BigDecimal cpu = BigDecimal.ZERO;
    BigDecimal memory = BigDecimal.ZERO;
    BigDecimal storage = BigDecimal.ZERO;
    Map<String, BigDecimal> byClass = new TreeMap<>();
    long claims = 0;
    long pods = 0;
    long gpus = 0;
    for (Workload w : network.workloads()) {
      long replicas = w.isLongRunning() ? w.replicas() : 1;
      pods += replicas;
      for (Container c : w.allContainers()) {
        cpu = cpu.add(amount(c.resources().cpuRequest().or(q::defaultCpuRequest)).multiply(BigDecimal.valueOf(replicas)));
        memory = memory.add(amount(c.resources().memoryRequest().or(q::defaultMemoryRequest)).multiply(BigDecimal.valueOf(replicas)));
        gpus += c.resources().gpu().map(g -> (long) g.count()).orElse(0L) * replicas;
      }
      for (DataVolume d : w.volumes().stream().filter(DataVolume.class::isInstance).map(DataVolume.class::cast).toList()) {
        BigDecimal size = amount(Optional.of(d.size())).multiply(BigDecimal.valueOf(replicas));
        storage = storage.add(size);
        claims += replicas;
        d.storageClass().ifPresent(sc -> byClass.merge(sc, size, BigDecimal::add));
        d.storageClass().filter(sc -> !q.storageClassLimits().isEmpty() && !q.storageClassLimits().containsKey(sc))
            .ifPresent(sc -> v.in("workloads", w.name()).in("volumes", d.name()).add("storageClass",
                "the plan '" + plan.name() + "' has no storage in class '" + sc + "' (it has " + q.storageClassLimits().keySet() + ")"));
      }
    }
    over(v, "cpu", cpu, q.cpu(), plan, "CPU requested");
    over(v, "memory", memory, q.memory(), plan, "memory requested");
    over(v, "storage", storage, q.storage(), plan, "storage claimed", TenantPlacement::bytes);
    byClass.forEach((sc, size) -> over(v, "storage[" + sc + "]", size, Optional.ofNullable(q.storageClassLimits().get(sc)), plan,
        "storage claimed in class " + sc, TenantPlacement::bytes));
    over(v, "persistentVolumeClaims", BigDecimal.valueOf(claims), q.persistentVolumeClaims().map(String::valueOf), plan, "volume claims");
    over(v, "pods", BigDecimal.valueOf(pods), q.pods().map(String::valueOf), plan, "pods");
    over(v, "gpus", BigDecimal.valueOf(gpus), q.gpus().map(String::valueOf), plan, "GPUs requested");
  }

  private static void over(Violations v, String what, BigDecimal asked, Optional<String> limit, TenantPlan plan, String described) {
    over(v, what, asked, limit, plan, described, a -> a.stripTrailingZeros().toPlainString());
  }

  private static void over(Violations v, String what, BigDecimal asked, Optional<String> limit, TenantPlan plan, String described,
      Function<BigDecimal, String> format) {
    limit.map(TenantPlacement::parse).filter(l -> asked.compareTo(l) > 0).ifPresent(l ->
        v.in("quota").add(what, described + " (" + format.apply(asked) + ") is more than the plan '"
            + plan.name() + "' allows (" + limit.get() + ")"));
  }

  /** A byte count in the largest binary unit that divides it, as quantities are written: 2548Gi. */
  private static String bytes(BigDecimal amount) {
    String[] units = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
    for (int i = 0; i < units.length; i++) {
      BigDecimal unit = BigDecimal.valueOf(2).pow(10 * (units.length - i));
      if (amount.remainder(unit).signum() == 0) {
        return amount.divide(unit).toPlainString() + units[i];
      }
    }
    return amount.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal amount(Optional<String> quantity) {
    return quantity.map(TenantPlacement::parse).orElse(BigDecimal.ZERO);
  }

  private static BigDecimal parse(String quantity) {
    return Quantity.parse(quantity).amount();
  }
}
