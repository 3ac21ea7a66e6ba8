package io.chainwright.compose.host;

import io.chainwright.api.Port;
import io.chainwright.compose.ComposeService;
import io.chainwright.compose.ServicePlan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loopback port each declared port gets: one set per replica's network (its anchor service),
 * shared by the containers that share that network, as containers of a pod share one address.
 */
final class HostPorts {
  private final Map<String, Map<Integer, Integer>> byAnchor = new LinkedHashMap<>();

  private HostPorts() {}

  /** A free loopback port for every port every service of {@code plan} declares. */
  static HostPorts allocate(ServicePlan plan) {
    HostPorts ports = new HostPorts();
    for (ComposeService s : plan.services()) {
      Map<Integer, Integer> group = ports.byAnchor.computeIfAbsent(s.anchor(), k -> new LinkedHashMap<>());
      for (Port p : s.container().ports()) {
        group.computeIfAbsent(p.number(), n -> PortAllocator.freePort());
      }
    }
    return ports;
  }

  /** Every anchor service to its port numbers and their loopback ports. */
  Map<String, Map<Integer, Integer>> all() {
    return Collections.unmodifiableMap(byAnchor);
  }

  /** The port numbers of one replica's network and their loopback ports. */
  Map<Integer, Integer> of(String anchor) {
    return byAnchor.getOrDefault(anchor, Map.of());
  }

  /** A service's own port names and their loopback ports, for its probes. */
  Map<String, Integer> byName(ComposeService s) {
    Map<String, Integer> named = new LinkedHashMap<>();
    s.container().ports().forEach(p -> named.put(p.name(), of(s.anchor()).get(p.number())));
    return named;
  }
}
