package io.chainwright.compose.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * The project network a service joins, with the extra names it answers to there: replicas are
 * separate services, and the workload's own name reaches any of them.
 */
public record ServiceNetworks(String network, List<String> aliases) {
  public ServiceNetworks {
    aliases = List.copyOf(aliases);
  }

  /** The short form when there are no aliases, as Compose files usually say it. */
  @JsonValue
  public Object yaml() {
    return aliases.isEmpty() ? List.of(network) : Map.of(network, Map.of("aliases", aliases));
  }
}
