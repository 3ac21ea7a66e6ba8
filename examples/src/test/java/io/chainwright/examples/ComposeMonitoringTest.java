package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.compose.AlertmanagerFile;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.PrometheusFiles;
import io.chainwright.compose.TestTools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example that is monitored writes a Prometheus configuration for Compose that promtool
 * accepts, rules and all; every one with alert routing, an Alertmanager configuration amtool accepts.
 */
class ComposeMonitoringTest {
  @Test
  void promtoolAcceptsEveryMonitoredExamplesPrometheusFiles(@TempDir Path dir) throws Exception {
    Path promtool = TestTools.systemProgram("promtool", "prometheus");
    List<Network> monitored = Examples.all(MaterialStore.inMemory()).stream().filter(n -> n.monitoring().isPresent()).toList();
    assertThat(monitored).extracting(Network::name).contains("mainnet-rpc");
    for (Network network : monitored) {
      Path project = dir.resolve(network.name());
      ComposeRenderer.render(network).writeTo(project);
      assertThat(TestTools.run(promtool, project, "check", "config", project.resolve(PrometheusFiles.CONFIG).toString()))
          .as(network.name()).contains("SUCCESS");
    }
  }

  @Test
  void amtoolAcceptsEveryRoutedExamplesAlertmanagerFile(@TempDir Path dir) throws Exception {
    Path amtool = TestTools.systemProgram("amtool", "prometheus-alertmanager");
    List<Network> routed = Examples.all(MaterialStore.inMemory()).stream()
        .filter(n -> n.monitoring().flatMap(m -> m.routing()).isPresent()).toList();
    assertThat(routed).extracting(Network::name).contains("mainnet-rpc");
    for (Network network : routed) {
      Path project = dir.resolve(network.name());
      ComposeRenderer.render(network).writeTo(project);
      assertThat(TestTools.run(amtool, project, "check-config", project.resolve(AlertmanagerFile.PATH).toString()))
          .as(network.name()).contains("SUCCESS");
    }
  }
}
