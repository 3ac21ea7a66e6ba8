package io.chainwright.compose.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.await.ProgressListener;
import io.chainwright.compose.PortPublishing;
import io.chainwright.compose.TestRpc;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same project the Docker tests run, on Podman's Docker-compatible service with Compose
 * v1.29: Podman without systemd runs no health checks, so the runtime runs them, and a job waiting
 * for a healthy node starts.
 */
class PodmanComposeTest {
  @Test
  void aJobWaitingForAHealthyNodeRunsOnPodman(@TempDir Path dir) throws Exception {
    String engine = TestPodman.engine();
    DockerComposeRuntime runtime = DockerComposeRuntime.builder().projectsRoot(dir).dockerHost(engine)
        .timeout(Duration.ofMinutes(2)).publishing(PortPublishing.LOOPBACK_ANY_PORT).build();

    try (DockerDeployment d = runtime.deploy(DockerComposeRuntimeTest.anvilAndAJob(TestDocker.projectName("cw-podman-job")))) {
      d.awaitReady(Duration.ofMinutes(2), ProgressListener.none());

      assertThat(d.logs("ask", 5)).contains("open-sesame").contains("\"result\":\"0x7a69\"");
      URI rpc = d.endpoint("anvil", "rpc");
      assertThat(TestRpc.call(rpc, "eth_chainId")).contains("0x7a69");
    }
  }
}
