package io.chainwright.fabric;

import io.chainwright.api.Violations;
import java.util.HashMap;
import java.util.Map;

/** Checks a node's ports: each a valid number, and no two the same, since they share one host. */
final class Ports {
  private Ports() {}

  /** Checks alternating field names and port numbers. */
  static void check(Violations v, Object... fieldsAndPorts) {
    Map<Integer, String> seen = new HashMap<>();
    for (int i = 0; i < fieldsAndPorts.length; i += 2) {
      String field = (String) fieldsAndPorts[i];
      int port = (Integer) fieldsAndPorts[i + 1];
      v.range(field, port, 1, 65535, "a port");
      String other = seen.putIfAbsent(port, field);
      if (other != null) {
        v.add(field, port + " is already the " + other);
      }
    }
  }
}
