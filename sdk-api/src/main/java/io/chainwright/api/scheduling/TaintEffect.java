package io.chainwright.api.scheduling;

/** The taint effect a {@link Toleration} tolerates. */
public enum TaintEffect {
  NO_SCHEDULE,
  PREFER_NO_SCHEDULE,
  NO_EXECUTE
}
