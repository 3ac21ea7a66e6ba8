package io.chainwright.ethereum.common;

import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.AlertSeverity;
import java.util.Locale;

/**
 * How every Ethereum alert preset is named and labelled: {@code <Workload><What>}, e.g.
 * {@code MainnetGethNotSynced}, labelled {@code chain: ethereum} and with its workload, for routes
 * and inhibitions to match.
 */
public final class WorkloadAlerts {
  private WorkloadAlerts() {}

  /** An alert about {@code workload}, named after it. */
  public static AlertRule rule(String workload, String what, String expression, String forDuration, AlertSeverity severity,
      String summary) {
    return AlertRule.builder().name(camel(workload) + what).expression(expression).forDuration(forDuration)
        .severity(severity).summary(summary).putLabel("chain", "ethereum").putLabel("workload", workload).build();
  }

  /** {@code mainnet-geth} becomes {@code MainnetGeth}: alert names take letters, digits and '_' only. */
  public static String camel(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("-")) {
      if (!part.isEmpty()) {
        out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return Character.isDigit(out.charAt(0)) ? "N" + out : out.toString();
  }
}
