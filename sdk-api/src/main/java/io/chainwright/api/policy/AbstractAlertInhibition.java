package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * While an alert matching {@code source} fires, alerts matching {@code target} that share the
 * {@code equal} labels with it are not sent: a node that is down does not also page for its lag.
 */
@Value.Immutable
@JsonSerialize(as = AlertInhibition.class)
@JsonDeserialize(as = AlertInhibition.class)
abstract class AbstractAlertInhibition {
  public abstract Map<String, String> source();

  public abstract Map<String, String> target();

  /** Labels both alerts must share, e.g. {@code workload}. */
  public abstract List<String> equal();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("inhibition");
    if (source().isEmpty()) {
      v.add("source", "name at least one label of the alert that inhibits");
    }
    if (target().isEmpty()) {
      v.add("target", "name at least one label of the alerts it inhibits");
    }
    AlertLabels.check(v.in("source"), source());
    AlertLabels.check(v.in("target"), target());
    equal().forEach(name -> AlertLabels.checkName(v.in("equal"), name));
    v.throwIfAny();
  }
}
