package io.chainwright.kubernetes.tenant;

import io.chainwright.api.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * What a namespace uses of its quota, as the cluster counts it: each resource's limit and use, in
 * Kubernetes quantities (e.g. {@code requests.cpu}: {@code 4} hard, {@code 2500m} used).
 */
public record QuotaUse(String namespace, Map<String, String> hard, Map<String, String> used) {
  public QuotaUse {
    hard = Map.copyOf(hard);
    used = Map.copyOf(used);
  }

  /** The used share of {@code resource}'s limit, 0 to 1 (or more, when a limit was lowered under use); empty without a limit. */
  public Optional<Double> share(String resource) {
    String limit = hard.get(resource);
    if (limit == null) {
      return Optional.empty();
    }
    BigDecimal h = Quantity.parse(limit).amount();
    BigDecimal u = Quantity.parse(used.getOrDefault(resource, "0")).amount();
    return h.signum() == 0 ? Optional.of(u.signum() == 0 ? 0.0 : Double.POSITIVE_INFINITY)
        : Optional.of(u.divide(h, 6, RoundingMode.HALF_UP).doubleValue());
  }
}
