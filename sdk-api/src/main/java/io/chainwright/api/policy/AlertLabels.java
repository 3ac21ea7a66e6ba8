package io.chainwright.api.policy;

import io.chainwright.api.Violations;
import java.util.Map;
import java.util.regex.Pattern;

/** Prometheus label names and values, as alert rules carry them and routes match them, and the durations they wait. */
final class AlertLabels {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern DURATION = Pattern.compile("\\d+(s|m|h|d)");

  private AlertLabels() {}

  static void check(Violations v, Map<String, String> labels) {
    labels.forEach((name, value) -> {
      checkName(v, name);
      if (value == null || value.isEmpty()) {
        v.add("label '" + name + "' needs a value");
      }
    });
  }

  /** A whole number of one unit, such as 30s, 5m or 1h: a form Prometheus and Alertmanager both read. */
  static void checkDuration(Violations v, String field, String duration) {
    if (duration == null || !DURATION.matcher(duration).matches()) {
      v.add(field, "'" + duration + "' is not a duration such as 30s, 5m or 1h");
    }
  }

  static void checkName(Violations v, String name) {
    if (name == null || !NAME.matcher(name).matches() || name.startsWith("__")) {
      v.add("'" + name + "' is not a Prometheus label name (letters, digits and '_', not starting with '__')");
    }
  }
}
