package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.immutables.value.Value;

/** A Prometheus alert: fires when {@code expression} has held for {@code forDuration}. */
@Value.Immutable
@JsonSerialize(as = AlertRule.class)
@JsonDeserialize(as = AlertRule.class)
abstract class AbstractAlertRule {
  AbstractAlertRule() {}

  /** The alert name, e.g. {@code NodeNotSynced}. */
  public abstract String name();

  /** A PromQL expression. */
  public abstract String expression();

  /** How long the expression must hold, e.g. {@code 10m}. */
  @Value.Default
  public String forDuration() {
    return "5m";
  }

  @Value.Default
  public AlertSeverity severity() {
    return AlertSeverity.WARNING;
  }

  public abstract String summary();

  /**
   * Labels the alert carries besides {@code severity} and the network's, for routes to match, e.g.
   * {@code chain: ethereum} or {@code workload: mainnet-geth}.
   */
  public abstract Map<String, String> labels();

  /** Every label the alert carries in the network called {@code network}: its own, its severity, and the network's name. */
  public Map<String, String> labelsIn(String network) {
    Map<String, String> all = new TreeMap<>(labels());
    all.put("severity", severity().name().toLowerCase(Locale.ROOT));
    all.put(AlertRouting.NETWORK_LABEL, network);
    return all;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("alerts", name());
    if (v.require("name", name()) && !name().matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
      v.add("name", "'" + name() + "' is not an alert name (letters, digits and '_')");
    }
    v.require("expression", expression());
    AlertLabels.checkDuration(v, "forDuration", forDuration());
    v.require("severity", severity());
    v.require("summary", summary());
    AlertLabels.check(v.in("labels"), labels());
    labels().keySet().stream().filter(k -> k.equals("severity") || k.equals(AlertRouting.NETWORK_LABEL))
        .forEach(k -> v.in("labels").add("'" + k + "' is set by the network; leave it out"));
    v.throwIfAny();
  }
}
