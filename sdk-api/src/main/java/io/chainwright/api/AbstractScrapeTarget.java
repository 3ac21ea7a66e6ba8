package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * One of several targets an exporter probes on Prometheus's behalf (the multi-target exporter
 * pattern): Prometheus scrapes the exporter once per target with the target's query parameters,
 * and labels the series with the target's {@link #name()} under {@code target}.
 */
@Value.Immutable
@JsonSerialize(as = ScrapeTarget.class)
@JsonDeserialize(as = ScrapeTarget.class)
abstract class AbstractScrapeTarget {
  /** The label under which a target's series carry its name. */
  public static final String LABEL = "target";

  /** A DNS label naming the target, e.g. {@code mainnet-geth-synced}; its series carry it as {@code target}. */
  @Value.Parameter
  public abstract String name();

  /** Query parameters of the scrape, e.g. {@code module} and {@code target} for a probing exporter. */
  @Value.Parameter
  public abstract Map<String, String> params();

  /** The parameters as Prometheus takes them, each name with its one value in a list, sorted by name. */
  public SortedMap<String, List<String>> paramLists() {
    SortedMap<String, List<String>> lists = new TreeMap<>();
    params().forEach((name, value) -> lists.put(name, List.of(value)));
    return lists;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("targets", name());
    v.label("name", name());
    if (params().isEmpty()) {
      v.add("params", "a target is told apart by its query parameters; give at least one");
    }
    v.throwIfAny();
  }
}
