package io.chainwright.api;

/** What a {@link CronSchedule} does with a new run while the previous one is still going. */
public enum CronConcurrency {
  ALLOW,
  FORBID,
  REPLACE
}
