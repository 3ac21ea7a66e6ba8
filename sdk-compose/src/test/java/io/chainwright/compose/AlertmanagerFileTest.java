package io.chainwright.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.SecretValue;
import io.chainwright.api.policy.AlertInhibition;
import io.chainwright.api.policy.AlertReceiver;
import io.chainwright.api.policy.AlertRoute;
import io.chainwright.api.policy.AlertRouting;
import io.chainwright.api.policy.MonitoringPolicy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert routing written beside a Compose project, checked by Alertmanager's own amtool. */
class AlertmanagerFileTest {
  private static final String SLACK_URL = "https://hooks.slack.com/services/T0/B0/secret-part";
  private static final AlertRouting ROUTING = AlertRouting.builder().defaultReceiver("team")
      .groupWait("10s").groupInterval("1m").repeatInterval("3h")
      .addReceivers(AlertReceiver.slack("team", SecretKeyRef.of("slack", "url"), "#chain-alerts"),
          AlertReceiver.pagerDuty("on-call", SecretKeyRef.of("pagerduty", "routing-key")),
          AlertReceiver.webhook("audit", URI.create("https://audit.example.org/alerts"), SecretKeyRef.of("audit", "token")),
          AlertReceiver.webhook("log", URI.create("http://log-sink:9000/alerts")))
      .addRoutes(AlertRoute.builder().receiver("on-call").putMatcher("severity", "critical").continueMatching(true).build(),
          AlertRoute.to("audit", Map.of("tenant", "acme \"east\"")))
      .addInhibitions(AlertInhibition.builder().putSource("alertname", "NodeDown").putTarget("alertname", "NodeLag")
          .addEqual("network").build())
      .build();

  private static Network network() {
    return Network.builder().name("chain")
        .addSecrets(Secret.builder().name("slack").putData("url", SecretValue.of(SLACK_URL)).build(),
            Secret.provided("pagerduty"), Secret.provided("audit"))
        .monitoring(MonitoringPolicy.builder().routing(ROUTING).build())
        .build();
  }

  @Test
  void amtoolAcceptsTheFileAndItHoldsNoSecretValue(@TempDir Path dir) throws Exception {
    Path amtool = TestTools.systemProgram("amtool", "prometheus-alertmanager");
    ComposeProject project = ComposeRenderer.render(network());
    project.writeTo(dir);
    Path file = dir.resolve(AlertmanagerFile.PATH);

    String checked = TestTools.run(amtool, dir, "check-config", file.toString());
    assertThat(checked).contains("SUCCESS", "4 receivers", "1 inhibit rules");
    assertThat(Files.readString(file)).doesNotContain("secret-part");
    assertThat(Files.readString(dir.resolve("secrets/slack/url"))).as("the credential Alertmanager reads").isEqualTo(SLACK_URL);
  }

  @Test
  void credentialsAreFilesUnderTheMountedSecretsFolderAndRoutesMatchAsTheModelSays() throws Exception {
    JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(AlertmanagerFile.render(ROUTING));

    assertThat(file.at("/route/receiver").asText()).isEqualTo("team");
    assertThat(file.at("/route/group_wait").asText() + " " + file.at("/route/group_interval").asText() + " "
        + file.at("/route/repeat_interval").asText()).isEqualTo("10s 1m 3h");
    assertThat(file.at("/route/routes/0/matchers/0").asText()).isEqualTo("severity=\"critical\"");
    assertThat(file.at("/route/routes/0/continue").asBoolean()).isTrue();
    assertThat(file.at("/route/routes/1/matchers/0").asText()).isEqualTo("tenant=\"acme \\\"east\\\"\"");
    assertThat(file.at("/receivers/0/slack_configs/0/api_url_file").asText()).isEqualTo("/etc/alertmanager/secrets/slack/url");
    assertThat(file.at("/receivers/1/pagerduty_configs/0/routing_key_file").asText())
        .isEqualTo("/etc/alertmanager/secrets/pagerduty/routing-key");
    assertThat(file.at("/receivers/2/webhook_configs/0/http_config/authorization/credentials_file").asText())
        .isEqualTo("/etc/alertmanager/secrets/audit/token");
    assertThat(file.at("/receivers/3/webhook_configs/0").has("http_config")).as("no token, no authorization").isFalse();
    assertThat(file.at("/inhibit_rules/0/equal/0").asText()).isEqualTo("network");
  }

  @Test
  void aProjectWithoutRoutingHasNoAlertmanagerFile() {
    Network plain = Network.builder().name("chain").monitoring(MonitoringPolicy.builder().build()).build();

    assertThat(ComposeRenderer.render(plain).files()).doesNotContainKey(AlertmanagerFile.PATH);
    assertThat(NotRendered.in(network())).anySatisfy(line -> assertThat(line).contains(AlertmanagerFile.PATH));
  }
}
