package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.AlertmanagerConfig;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.Matcher;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.Receiver;
import org.junit.jupiter.api.Test;

/** Alert routing as a Prometheus Operator AlertmanagerConfig, and the labels on alerts that it routes by. */
class AlertRoutingRenderTest {
  private final KubernetesRendering rich = KubernetesBackend.create().render(RichNetwork.rich());

  private <T> T only(Class<T> type) {
    return rich.objects().stream().filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new AssertionError(type.getSimpleName() + " is not rendered"));
  }

  @Test
  void alertsCarryTheirLabelsTheirSeverityAndTheNetwork() {
    var rule = only(PrometheusRule.class).getSpec().getGroups().get(0).getRules().get(0);

    assertThat(rule.getLabels()).containsEntry("severity", "critical").containsEntry("network", "rich")
        .containsEntry("chain", "ethereum");
  }

  @Test
  void receiversReferToTheNetworksSecretsAndTheRootRouteKeepsToTheNetworksAlerts() {
    AlertmanagerConfig config = only(AlertmanagerConfig.class);
    var spec = config.getSpec();

    assertThat(config.getMetadata().getNamespace()).isEqualTo("chain-prod");
    assertThat(config.getMetadata().getLabels()).containsEntry("release", "prometheus");
    assertThat(spec.getRoute().getReceiver()).isEqualTo("team");
    assertThat(spec.getRoute().getGroupBy()).containsExactly("alertname", "network");
    assertThat(spec.getRoute().getGroupWait()).isEqualTo("10s");
    assertThat(spec.getRoute().getGroupInterval()).as("Alertmanager's own when unset").isNull();
    assertThat(spec.getRoute().getRepeatInterval()).isEqualTo("3h");
    assertThat(spec.getRoute().getMatchers()).extracting(Matcher::getName, Matcher::getValue, Matcher::getMatchType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("network", "rich", "="));
    JsonNode child = spec.getRoute().getRoutes().get(0);
    assertThat(child.at("/receiver").asText()).isEqualTo("on-call");
    assertThat(child.at("/matchers/0/name").asText()).isEqualTo("severity");
    assertThat(child.at("/continue").asBoolean()).isTrue();

    Receiver team = spec.getReceivers().get(0);
    assertThat(team.getSlackConfigs().get(0).getApiURL().getName()).isEqualTo("alerting");
    assertThat(team.getSlackConfigs().get(0).getApiURL().getKey()).isEqualTo("slack-url");
    assertThat(team.getSlackConfigs().get(0).getChannel()).isEqualTo("#chain-alerts");
    assertThat(spec.getReceivers().get(1).getPagerdutyConfigs().get(0).getRoutingKey().getKey()).isEqualTo("pagerduty-key");
    assertThat(spec.getInhibitRules().get(0).getEqual()).containsExactly("network");
  }
}
