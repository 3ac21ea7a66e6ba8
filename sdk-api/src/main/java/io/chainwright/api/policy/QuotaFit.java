package io.chainwright.api.policy;

import io.chainwright.api.Container;
import io.chainwright.api.Network;
import io.chainwright.api.Quantity;
import io.chainwright.api.Violations;
import io.chainwright.api.Workload;
import io.chainwright.api.volume.DataVolume;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Whether a network fits a quota: the most it asks for (requests times replicas, claims, pods, GPUs)
 * against each limit, and every storage class it uses against those the quota has room in. A network
 * that does not fit would never have all its pods scheduled.
 */
public final class QuotaFit {
  private QuotaFit() {}

  /**
   * Adds to {@code v} each way {@code network} asks for more than {@code q}, which {@code holder}
   * (e.g. {@code the quota} or {@code the plan 'starter'}) names in the messages; a container without
   * requests counts the quota's defaults.
   */
  public static void check(Violations v, TenantQuota q, Network network, String holder) {
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
                holder + " has no storage in class '" + sc + "' (it has " + q.storageClassLimits().keySet() + ")"));
      }
    }
    over(v, "cpu", cpu, q.cpu(), holder, "CPU requested");
    over(v, "memory", memory, q.memory(), holder, "memory requested");
    over(v, "storage", storage, q.storage(), holder, "storage claimed", QuotaFit::bytes);
    byClass.forEach((sc, size) -> over(v, "storage[" + sc + "]", size, Optional.ofNullable(q.storageClassLimits().get(sc)), holder,
        "storage claimed in class " + sc, QuotaFit::bytes));
    over(v, "persistentVolumeClaims", BigDecimal.valueOf(claims), q.persistentVolumeClaims().map(String::valueOf), holder, "volume claims");
    over(v, "pods", BigDecimal.valueOf(pods), q.pods().map(String::valueOf), holder, "pods");
    over(v, "gpus", BigDecimal.valueOf(gpus), q.gpus().map(String::valueOf), holder, "GPUs requested");
  }

  private static void over(Violations v, String what, BigDecimal asked, Optional<String> limit, String holder, String described) {
    over(v, what, asked, limit, holder, described, a -> a.stripTrailingZeros().toPlainString());
  }

  private static void over(Violations v, String what, BigDecimal asked, Optional<String> limit, String holder, String described,
      Function<BigDecimal, String> format) {
    limit.map(QuotaFit::parse).filter(l -> asked.compareTo(l) > 0).ifPresent(l ->
        v.in("quota").add(what, described + " (" + format.apply(asked) + ") is more than " + holder + " allows ("
            + limit.get() + ")"));
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
    return quantity.map(QuotaFit::parse).orElse(BigDecimal.ZERO);
  }

  private static BigDecimal parse(String quantity) {
    return Quantity.parse(quantity).amount();
  }
}
