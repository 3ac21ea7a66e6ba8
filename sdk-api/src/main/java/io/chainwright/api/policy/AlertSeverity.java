package io.chainwright.api.policy;

/** How urgent an {@link AlertRule} is. */
public enum AlertSeverity {
  INFO,
  WARNING,
  CRITICAL
}
