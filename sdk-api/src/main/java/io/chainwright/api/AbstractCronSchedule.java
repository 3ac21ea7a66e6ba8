package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** When a cron job runs, and what happens when a run is still going at the next tick. */
@Value.Immutable
@JsonSerialize(as = CronSchedule.class)
@JsonDeserialize(as = CronSchedule.class)
abstract class AbstractCronSchedule {
  AbstractCronSchedule() {}

  /** Five cron fields, e.g. {@code 0 3 * * *}, or a macro such as {@code @daily}. */
  @Value.Parameter
  public abstract String schedule();

  @Value.Default
  public CronConcurrency concurrency() {
    return CronConcurrency.FORBID;
  }

  /** A schedule that never overlaps itself. */
  public static CronSchedule of(String schedule) {
    return CronSchedule.builder().schedule(schedule).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("cron");
    if (v.require("schedule", schedule()) && !isCron(schedule())) {
      v.add("schedule", "'" + schedule() + "' is not a cron schedule (five fields, or @hourly/@daily/@weekly/@monthly/@yearly)");
    }
    v.require("concurrency", concurrency());
    v.throwIfAny();
  }

  private static boolean isCron(String s) {
    String t = s.trim();
    if (t.startsWith("@")) {
      return t.matches("@(yearly|annually|monthly|weekly|daily|midnight|hourly)");
    }
    String[] fields = t.split("\\s+");
    if (fields.length != 5) {
      return false;
    }
    for (String f : fields) {
      if (!f.matches("[0-9A-Za-z*/,?-]+")) {
        return false;
      }
    }
    return true;
  }
}
