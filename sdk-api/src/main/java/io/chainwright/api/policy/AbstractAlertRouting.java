package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * Who is told about the network's alerts: routes by label (severity, chain, tenant) to receivers,
 * a default receiver for the rest, and inhibitions that keep a root cause from paging twice.
 * Rendered as an {@code AlertmanagerConfig} on Kubernetes and as an {@code alertmanager.yml} beside
 * a Compose project.
 *
 * <pre>{@code
 * AlertRouting.builder().defaultReceiver("team")
 *     .addReceivers(AlertReceiver.slack("team", SecretKeyRef.of("slack", "url"), "#chain-alerts"),
 *         AlertReceiver.pagerDuty("on-call", SecretKeyRef.of("pagerduty", "routing-key")))
 *     .addRoutes(AlertRoute.to("on-call", Map.of("severity", "critical")))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = AlertRouting.class)
@JsonDeserialize(as = AlertRouting.class)
abstract class AbstractAlertRouting {
  /** The label every alert of the network carries with the network's name. */
  public static final String NETWORK_LABEL = "network";

  /** The receiver of alerts no route takes. */
  public abstract String defaultReceiver();

  public abstract List<AlertReceiver> receivers();

  public abstract List<AlertRoute> routes();

  public abstract List<AlertInhibition> inhibitions();

  /** Alerts with equal values of these labels are sent together, as one notification. */
  @Value.Default
  public List<String> groupBy() {
    return List.of("alertname", NETWORK_LABEL);
  }

  /** How long a new group waits for more alerts before its first notification; Alertmanager's own default when unset. */
  public abstract Optional<String> groupWait();

  /** How long a notified group waits before telling of alerts it has gained; Alertmanager's own default when unset. */
  public abstract Optional<String> groupInterval();

  /** How long before a group still firing is told again; Alertmanager's own default when unset. */
  public abstract Optional<String> repeatInterval();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("monitoring").in("routing");
    groupWait().ifPresent(d -> AlertLabels.checkDuration(v, "groupWait", d));
    groupInterval().ifPresent(d -> AlertLabels.checkDuration(v, "groupInterval", d));
    repeatInterval().ifPresent(d -> AlertLabels.checkDuration(v, "repeatInterval", d));
    v.unique("receivers", receivers(), AlertReceiver::name);
    Set<String> names = receivers().stream().map(AlertReceiver::name).collect(Collectors.toCollection(TreeSet::new));
    if (v.require("defaultReceiver", defaultReceiver()) && !names.contains(defaultReceiver())) {
      v.add("defaultReceiver", "'" + defaultReceiver() + "' is not one of the receivers " + names);
    }
    for (int i = 0; i < routes().size(); i++) {
      String receiver = routes().get(i).receiver();
      if (!names.contains(receiver)) {
        v.in("routes[" + i + "]").add("receiver", "'" + receiver + "' is not one of the receivers " + names);
      }
    }
    groupBy().forEach(label -> AlertLabels.checkName(v.in("groupBy"), label));
    v.throwIfAny();
  }
}
