package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Alerts whose labels equal all of {@code matchers} go to {@code receiver}, e.g. every critical
 * Ethereum alert to the on-call pager. Routes are tried in order; the first that matches takes the
 * alert, unless it lets matching continue.
 *
 * <pre>{@code
 * AlertRoute.to("on-call", Map.of("severity", "critical", "chain", "ethereum"));
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = AlertRoute.class)
@JsonDeserialize(as = AlertRoute.class)
abstract class AbstractAlertRoute {
  public abstract String receiver();

  /** Alert label to the value it must have; at least one. */
  public abstract Map<String, String> matchers();

  /** Whether later routes are tried too after this one matched, so one alert reaches several receivers. */
  @Value.Default
  public boolean continueMatching() {
    return false;
  }

  public static AlertRoute to(String receiver, Map<String, String> matchers) {
    return AlertRoute.builder().receiver(receiver).putAllMatchers(matchers).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("route");
    v.label("receiver", receiver());
    if (matchers().isEmpty()) {
      v.add("matchers", "a route needs at least one label to match; alerts that match no route go to the default receiver");
    }
    AlertLabels.check(v.in("matchers"), matchers());
    v.throwIfAny();
  }
}
