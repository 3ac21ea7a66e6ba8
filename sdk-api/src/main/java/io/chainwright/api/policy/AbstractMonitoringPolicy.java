package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Monitoring for a network: every workload with a metrics endpoint is scraped, and these alert
 * rules are installed. The labels let a Prometheus instance select what to pick up.
 */
@Value.Immutable
@JsonSerialize(as = MonitoringPolicy.class)
@JsonDeserialize(as = MonitoringPolicy.class)
abstract class AbstractMonitoringPolicy {
  public abstract List<AlertRule> alerts();

  /** Labels on scrape and rule objects, e.g. {@code release: prometheus}. */
  public abstract Map<String, String> labels();

  /** Who is told about the alerts; without it, the cluster's Alertmanager routes them as it already does. */
  public abstract Optional<AlertRouting> routing();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("monitoring");
    v.unique("alerts", alerts(), AlertRule::name);
    v.labels("labels", labels());
    v.throwIfAny();
  }
}
