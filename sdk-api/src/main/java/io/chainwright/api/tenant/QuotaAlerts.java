package io.chainwright.api.tenant;

import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.AlertSeverity;
import java.util.List;

/**
 * Alerts on a tenant's quota use, from kube-state-metrics' {@code kube_resourcequota} series (one
 * per quota, resource and {@code type} used or hard): nearly full at 80%, full at 100%, per resource.
 */
final class QuotaAlerts {
  static final double NEARLY_FULL = 0.8;

  private QuotaAlerts() {}

  static List<AlertRule> of(Tenant tenant, String namespace) {
    return List.of(
        rule(tenant, "TenantQuotaNearlyFull", namespace, ">= " + NEARLY_FULL, "15m", AlertSeverity.WARNING,
            "uses over " + Math.round(NEARLY_FULL * 100) + "%"),
        rule(tenant, "TenantQuotaFull", namespace, ">= 1", "5m", AlertSeverity.CRITICAL, "uses all"));
  }

  /** The used share of each quota'd resource; resources with a zero limit are left out rather than divided by. */
  static String share(String namespace) {
    String selector = "namespace=\"" + namespace + "\"";
    return "kube_resourcequota{" + selector + ",type=\"used\"} / ignoring(type) (kube_resourcequota{" + selector
        + ",type=\"hard\"} > 0)";
  }

  private static AlertRule rule(Tenant tenant, String name, String namespace, String threshold, String forDuration,
      AlertSeverity severity, String uses) {
    return AlertRule.builder().name(name).expression(share(namespace) + " " + threshold).forDuration(forDuration)
        .severity(severity).putLabel("tenant", tenant.name())
        .summary("Tenant " + tenant.name() + " " + uses + " of its {{ $labels.resource }} quota in namespace " + namespace)
        .build();
  }
}
