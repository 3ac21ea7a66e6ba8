package io.chainwright.kubernetes.cluster;

import java.util.List;
import java.util.Map;

/**
 * What a deployment did.
 *
 * @param outcomes each applied object (e.g. {@code StatefulSet chain/rpc}) and what applying it did, in apply order
 * @param pruned objects deleted because the network no longer contains them
 */
public record DeployReport(Map<String, Outcome> outcomes, List<String> pruned) {
  public DeployReport {
    outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
    pruned = List.copyOf(pruned);
  }

  /** The objects whose apply had the given outcome. */
  public List<String> with(Outcome outcome) {
    return outcomes.entrySet().stream().filter(e -> e.getValue() == outcome).map(Map.Entry::getKey).toList();
  }
}
