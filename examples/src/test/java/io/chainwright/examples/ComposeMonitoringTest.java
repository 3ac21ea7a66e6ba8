package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.PrometheusFiles;
import io.chainwright.compose.TestTools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example that is monitored writes a Prometheus configuration for Compose that promtool accepts, rules and all. */
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
}
