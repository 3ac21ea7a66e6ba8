package io.chainwright.compose.host;

import io.chainwright.api.PlatformException;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order the host runtime starts a project's services in: each after the services its
 * {@code depends_on} names, otherwise in the plan's order. Services the plan does not hold (the
 * one-shot helpers that hand Docker volumes to their users) have no host equivalent and are not
 * waited for.
 */
final class StartOrder {
  private StartOrder() {}

  /** The plan's services, dependencies first. */
  static List<ComposeService> of(ComposeProject project) {
    List<ComposeService> pending = new ArrayList<>(project.plan().services());
    Map<String, Set<String>> waitsFor = new HashMap<>();
    pending.forEach(s -> waitsFor.put(s.name(), dependencies(project, s).keySet()));
    List<ComposeService> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (!pending.isEmpty()) {
      ComposeService next = pending.stream()
          .filter(s -> placed.containsAll(waitsFor.get(s.name())))
          .findFirst()
          .orElseThrow(() -> new PlatformException("order", "services of network " + project.name(),
              "they wait on each other: " + pending.stream().map(ComposeService::name).toList()));
      ordered.add(next);
      placed.add(next.name());
      pending.remove(next);
    }
    return ordered;
  }

  /** The services {@code service} waits for, with Compose's condition for each. */
  static Map<String, String> dependencies(ComposeProject project, ComposeService service) {
    Map<String, String> deps = new LinkedHashMap<>();
    project.compose().services().get(service.name()).dependsOn().forEach((name, dependsOn) -> {
      if (project.plan().service(name).isPresent()) {
        deps.put(name, dependsOn.condition());
      }
    });
    return deps;
  }
}
