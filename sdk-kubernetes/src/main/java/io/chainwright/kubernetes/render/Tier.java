package io.chainwright.kubernetes.render;

import java.util.Locale;

/**
 * The stable order objects are written and applied in: each tier only refers to tiers before it,
 * so applying tier by tier never meets a missing reference.
 */
public enum Tier {
  NAMESPACES,
  POLICY,
  STORAGE,
  CONFIG,
  RBAC,
  SERVICES,
  WORKLOADS,
  MONITORING,
  AUTOSCALING,
  BACKUPS;

  /** The folder name in the per-tier layout, numbered so that a sorted walk keeps the order, e.g. {@code 01-namespaces}. */
  public String directory() {
    return String.format(Locale.ROOT, "%02d-%s", ordinal() + 1, name().toLowerCase(Locale.ROOT));
  }
}
