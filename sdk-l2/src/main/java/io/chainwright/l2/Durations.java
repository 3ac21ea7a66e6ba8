package io.chainwright.l2;

import io.chainwright.api.Violations;

/** Go durations as the OP Stack services read them, e.g. {@code 12s}, {@code 1h30m}. */
public final class Durations {
  private Durations() {}

  public static void check(Violations v, String field, String duration) {
    if (v.require(field, duration) && !duration.matches("([0-9]+(ms|s|m|h))+")) {
      v.add(field, "'" + duration + "' is not a duration such as 12s or 1h");
    }
  }
}
