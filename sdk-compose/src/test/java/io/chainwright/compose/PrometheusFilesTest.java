package io.chainwright.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.ScrapeTarget;
import io.chainwright.api.Workload;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.MonitoringPolicy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network's monitoring written beside a Compose project for the caller's Prometheus, checked by promtool. */
class PrometheusFilesTest {
  static Network network() {
    Workload node = Workload.builder().name("node").replicas(2)
        .addContainer(Container.builder().name("node").image(Image.of("example/node:1.0"))
            .addPort(Port.tcp("rpc", 8545)).addPort(Port.tcp("metrics", 6060)).build())
        .metrics(MetricsEndpoint.builder().port("metrics").path("/debug/metrics/prometheus").intervalSeconds(5).build())
        .build();
    Workload prober = Workload.builder().name("prober")
        .addContainer(Container.builder().name("prober").image(Image.of("example/prober:1.0")).addPort(Port.tcp("http", 9115)).build())
        .metrics(MetricsEndpoint.builder().port("http").path("/probe")
            .addTargets(ScrapeTarget.of("node-up", Map.of("module", "up", "target", "http://node:8545"))).build())
        .build();
    return Network.builder().name("chain").addWorkloads(node, prober)
        .monitoring(MonitoringPolicy.builder().addAlerts(AlertRule.builder().name("NodeDown")
            .expression("probe_success{target=\"node-up\"} == 0").summary("the node does not answer").build()).build())
        .build();
  }

  @Test
  void promtoolAcceptsTheConfigurationAndTheRulesItReads(@TempDir Path dir) throws Exception {
    Path promtool = TestTools.systemProgram("promtool", "prometheus");
    ComposeRenderer.render(network()).writeTo(dir);

    String checked = TestTools.run(promtool, dir, "check", "config", dir.resolve(PrometheusFiles.CONFIG).toString());
    assertThat(checked).contains("SUCCESS", "1 rules found");
  }

  @Test
  void everyReplicaIsScrapedByServiceNameAndAProberOncePerTarget() throws Exception {
    JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(ComposeRenderer.render(network()).files().get(PrometheusFiles.CONFIG));

    assertThat(config.at("/scrape_configs/0/job_name").asText()).isEqualTo("node");
    assertThat(config.at("/scrape_configs/0/static_configs/0/targets").toString()).isEqualTo("[\"node-0:6060\",\"node-1:6060\"]");
    assertThat(config.at("/scrape_configs/0/scrape_timeout").asText()).as("never longer than the interval").isEqualTo("5s");
    assertThat(config.at("/scrape_configs/1/job_name").asText()).isEqualTo("prober/node-up");
    assertThat(config.at("/scrape_configs/1/params").toString()).isEqualTo("{\"module\":[\"up\"],\"target\":[\"http://node:8545\"]}");
    assertThat(config.at("/scrape_configs/1/static_configs/0/labels/target").asText()).isEqualTo("node-up");
  }

  @Test
  void withoutMonitoringThereAreNoFiles() {
    Network plain = Network.builder().from(network()).monitoring(java.util.Optional.empty()).build();
    assertThat(ComposeRenderer.render(plain).files()).doesNotContainKeys(PrometheusFiles.CONFIG, PrometheusFiles.RULES);
    assertThat(NotRendered.in(network())).anySatisfy(line -> assertThat(line).contains(PrometheusFiles.CONFIG));
  }
}
