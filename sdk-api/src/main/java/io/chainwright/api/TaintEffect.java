package io.chainwright.api;

/** The taint effect a {@link Toleration} tolerates. */
public enum TaintEffect {
  NO_SCHEDULE,
  PREFER_NO_SCHEDULE,
  NO_EXECUTE
}
