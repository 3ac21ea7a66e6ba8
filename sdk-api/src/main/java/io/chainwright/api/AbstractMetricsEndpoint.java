package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * Where Prometheus scrapes a workload: a named port and a path; for an exporter that probes other
 * services, once per {@link #targets() target}.
 */
@Value.Immutable
@JsonSerialize(as = MetricsEndpoint.class)
@JsonDeserialize(as = MetricsEndpoint.class)
abstract class AbstractMetricsEndpoint {
  @Value.Parameter
  public abstract String port();

  @Value.Parameter
  @Value.Default
  public String path() {
    return "/metrics";
  }

  @Value.Default
  public int intervalSeconds() {
    return 30;
  }

  /** With targets, each is scraped on its own with its parameters; without, the endpoint is scraped once. */
  public abstract List<ScrapeTarget> targets();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("metrics");
    v.unique("targets", targets(), ScrapeTarget::name);
    v.require("port", port());
    v.httpPath("path", path());
    v.range("intervalSeconds", intervalSeconds(), 1, 3600, "a scrape interval");
    v.throwIfAny();
  }
}
