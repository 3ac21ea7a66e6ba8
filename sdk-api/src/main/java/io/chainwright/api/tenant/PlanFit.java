package io.chainwright.api.tenant;

import io.chainwright.api.Container;
import io.chainwright.api.DataVolume;
import io.chainwright.api.Network;
import io.chainwright.api.Quantity;
import io.chainwright.api.Violations;
import io.chainwright.api.Workload;
import io.chainwright.api.policy.TenantQuota;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Whether a network fits its tenant's plan: the most it asks for (requests times replicas, claims,
 * pods, GPUs) against each limit, and every storage class it uses against those the plan has room in.
 */
final class PlanFit {
  private PlanFit() {}

  /** What the network asks for at most, against the plan; a container without requests gets the plan's defaults. */
  static void check(Violations v, TenantPlan plan, Network network) {
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
    over(v, "storage", storage, q.storage(), plan, "storage claimed", PlanFit::bytes);
    byClass.forEach((sc, size) -> over(v, "storage[" + sc + "]", size, Optional.ofNullable(q.storageClassLimits().get(sc)), plan,
        "storage claimed in class " + sc, PlanFit::bytes));
    over(v, "persistentVolumeClaims", BigDecimal.valueOf(claims), q.persistentVolumeClaims().map(String::valueOf), plan, "volume claims");
    over(v, "pods", BigDecimal.valueOf(pods), q.pods().map(String::valueOf), plan, "pods");
    over(v, "gpus", BigDecimal.valueOf(gpus), q.gpus().map(String::valueOf), plan, "GPUs requested");
  }

  private static void over(Violations v, String what, BigDecimal asked, Optional<String> limit, TenantPlan plan, String described) {
    over(v, what, asked, limit, plan, described, a -> a.stripTrailingZeros().toPlainString());
  }

  private static void over(Violations v, String what, BigDecimal asked, Optional<String> limit, TenantPlan plan, String described,
      Function<BigDecimal, String> format) {
    limit.map(PlanFit::parse).filter(l -> asked.compareTo(l) > 0).ifPresent(l ->
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
    return quantity.map(PlanFit::parse).orElse(BigDecimal.ZERO);
  }

  private static BigDecimal parse(String quantity) {
    return Quantity.parse(quantity).amount();
  }
}
