package io.chainwright.compose.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.Container;
import io.chainwright.api.Exposure;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Teardown;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker runtime. Build machines have the docker client but no engine, so the test that runs
 * containers skips there, saying why; the fail-fast path is tested for real instead.
 */
class DockerComposeRuntimeTest {
  private static Optional<String> engineProblem(Path dir) {
    try {
      new DockerCli("docker", dir).requireEngine();
      return Optional.empty();
    } catch (PlatformException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static Network web() {
    return Network.builder().name("cw-docker-test").addWorkload(Workload.builder().name("web")
        .addContainer(Container.builder().name("web").image(Image.of("nginxinc/nginx-unprivileged:1.27-alpine"))
            .addPort(Port.builder().name("http").number(8080).exposure(Exposure.loadBalancer()).build()).build())
        .build()).build();
  }

  @Test
  void withoutAnEngineDeployFailsAtOnceAndSaysWhatToDo(@TempDir Path dir) {
    Optional<String> problem = engineProblem(dir);
    Assumptions.assumeTrue(problem.isPresent(), "a Docker engine is reachable here, so there is no missing-engine path to test");

    PlatformException e = assertThrows(PlatformException.class,
        () -> DockerComposeRuntime.create(dir, Duration.ofSeconds(30)).deploy(web()));

    assertThat(e.getMessage()).startsWith("Failed to reach the Docker engine: ").contains("HostRuntime");
    assertThat(dir.resolve("cw-docker-test")).doesNotExist();
  }

  @Test
  void aNetworkRunsOnTheEngineAndIsReachable(@TempDir Path dir) throws Exception {
    Optional<String> problem = engineProblem(dir);
    Assumptions.assumeTrue(problem.isEmpty(), () -> "No Docker engine reachable here: " + problem.orElse(""));

    DockerDeployment d = DockerComposeRuntime.create(dir, Duration.ofMinutes(3)).deploy(web());
    try {
      d.awaitReady(Duration.ofMinutes(2), ProgressListener.none());
      URI http = d.endpoint("web", "http");
      assertThat(http.getPort()).isEqualTo(8080);
    } finally {
      d.destroy(Teardown.DELETE_ALL_VOLUMES);
    }
  }
}
