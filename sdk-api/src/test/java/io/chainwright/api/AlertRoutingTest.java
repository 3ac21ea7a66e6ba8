package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.policy.AlertInhibition;
import io.chainwright.api.policy.AlertReceiver;
import io.chainwright.api.policy.AlertRoute;
import io.chainwright.api.policy.AlertRouting;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.AlertSeverity;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.api.policy.ReceiverKind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Who is told about alerts: receivers with their credentials in secrets, routes, inhibitions. */
class AlertRoutingTest {
  static final AlertRouting ROUTING = AlertRouting.builder().defaultReceiver("team")
      .addReceivers(AlertReceiver.slack("team", SecretKeyRef.of("slack", "url"), "#chain-alerts"),
          AlertReceiver.pagerDuty("on-call", SecretKeyRef.of("pagerduty", "routing-key")),
          AlertReceiver.webhook("audit", URI.create("https://audit.example.org/alerts"), SecretKeyRef.of("audit", "token")))
      .addRoutes(AlertRoute.builder().receiver("on-call").putMatcher("severity", "critical").continueMatching(true).build(),
          AlertRoute.to("audit", Map.of("chain", "ethereum", "tenant", "acme")))
      .addInhibitions(AlertInhibition.builder().putSource("alertname", "NodeDown").putTarget("alertname", "NodeLag")
          .addEqual("workload").build())
      .build();

  private static List<String> violations(Executable build) {
    return assertThrows(ValidationException.class, build).violations().stream().map(Violation::toString).toList();
  }

  private static Network network(AlertRouting routing, Secret... secrets) {
    return Network.builder().name("n").addSecrets(secrets)
        .monitoring(MonitoringPolicy.builder().routing(routing).build()).build();
  }

  @Test
  void routesAndTheDefaultMustNameAReceiver() {
    assertThat(violations(() -> AlertRouting.builder().from(ROUTING).defaultReceiver("nobody")
        .addRoutes(AlertRoute.to("pager", Map.of("severity", "critical"))).build()))
        .containsExactly(
            "monitoring.routing.defaultReceiver: 'nobody' is not one of the receivers [audit, on-call, team]",
            "monitoring.routing.routes[2].receiver: 'pager' is not one of the receivers [audit, on-call, team]");
  }

  @Test
  void notificationTimingsAreDurationsAlertmanagerReads() {
    assertThat(violations(() -> AlertRouting.builder().from(ROUTING).groupWait("5 minutes").repeatInterval("1h30").build()))
        .containsExactly(
            "monitoring.routing.groupWait: '5 minutes' is not a duration such as 30s, 5m or 1h",
            "monitoring.routing.repeatInterval: '1h30' is not a duration such as 30s, 5m or 1h");
  }

  @Test
  void eachKindOfReceiverTakesWhatItNeedsAndNothingElse() {
    assertThat(violations(() -> AlertReceiver.builder().name("pd").kind(ReceiverKind.PAGERDUTY)
        .url(URI.create("https://events.pagerduty.com")).channel("#x").build()))
        .containsExactlyInAnyOrder(
            "receivers[pd].credential: PagerDuty needs the secret holding its routing key",
            "receivers[pd].url: the address of PAGERDUTY is its credential; give it as a secret",
            "receivers[pd].channel: only Slack receivers post to a channel");
    assertThat(violations(() -> AlertReceiver.builder().name("hook").kind(ReceiverKind.WEBHOOK).build()))
        .containsExactly("receivers[hook].url: a webhook needs the address to call");
  }

  @Test
  void labelsAreCheckedAsPrometheusLabelNames() {
    assertThat(violations(() -> AlertRoute.to("team", Map.of("chain.id", "1", "__name__", "x"))))
        .hasSize(2).allSatisfy(v -> assertThat(v).startsWith("route.matchers: ").contains("is not a Prometheus label name"));
    assertThat(violations(() -> AlertRule.builder().name("A").expression("up == 0").summary("down")
        .putLabel("severity", "page").build()))
        .containsExactly("alerts[A].labels: 'severity' is set by the network; leave it out");
  }

  @Test
  void everyCredentialIsAKeyOfASecretOfTheNetwork() {
    Secret slack = Secret.builder().name("slack").putData("url", SecretValue.of("https://hooks.slack.com/services/T/B/X")).build();

    assertThat(violations(() -> network(ROUTING, slack, Secret.provided("audit")))).containsExactly(
        "monitoring.routing.receivers[on-call].credential: 'pagerduty' is not a secret of this network"
            + " (declare it, or Secret.provided(\"pagerduty\"))");
    Secret wrongKey = Secret.builder().name("slack").putData("webhook", SecretValue.of("x")).build();
    assertThat(violations(() -> network(ROUTING, wrongKey, Secret.provided("pagerduty"), Secret.provided("audit"))))
        .containsExactly("monitoring.routing.receivers[team].credential: secret 'slack' has no key 'url'");
  }

  @Test
  void anAlertCarriesItsOwnLabelsItsSeverityAndItsNetwork() {
    AlertRule rule = AlertRule.builder().name("NodeDown").expression("up == 0").summary("down")
        .severity(AlertSeverity.CRITICAL).putLabel("chain", "ethereum").build();

    assertThat(rule.labelsIn("mainnet")).containsExactly(
        Map.entry("chain", "ethereum"), Map.entry("network", "mainnet"), Map.entry("severity", "critical"));
  }

  @Test
  void routingRoundTripsThroughYamlWithoutItsSecrets() {
    Network network = network(ROUTING, Secret.provided("slack"), Secret.provided("pagerduty"), Secret.provided("audit"));

    String yaml = ModelMapper.toYaml(network);
    assertThat(ModelMapper.fromYaml(yaml, Network.class)).isEqualTo(network);
    assertThat(yaml).contains("routing-key").doesNotContain("hooks.slack.com");
  }
}
