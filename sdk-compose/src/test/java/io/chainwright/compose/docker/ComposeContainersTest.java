package io.chainwright.compose.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.compose.TestRpc;
import io.chainwright.compose.TestTools;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.DockerComposeContainer;

/**
 * A network run through Testcontainers with Compose v1.29. Ryuk, Testcontainers' reaper, is off
 * (this module's surefire settings), since its image cannot be pulled here; the check image is the
 * busybox built by {@link TestDocker}.
 */
class ComposeContainersTest {
  @Test
  void aNetworkRunsThroughTestcontainersOnComposeV1AndItsPortIsMapped(@TempDir Path dir) throws Exception {
    TestTools.systemProgram("docker-compose", "docker-compose");
    TestDocker.anvilImage();

    DockerComposeContainer<?> compose = ComposeContainers.withComposeV1(Network.builder().name(TestDocker.projectName("cw-testcontainers")).addWorkload(TestDocker.anvil()).build(), dir);
    try {
      compose.start();
      ContainerState anvil = compose.getContainerByServiceName("anvil").orElseThrow();
      URI rpc = URI.create("http://127.0.0.1:" + ComposeContainers.publishedPort(anvil, 8545) + "/");
      String answer = TestRpc.call(rpc, "eth_chainId");
      assertThat(answer).contains("0x7a69");
    } finally {
      compose.stop();
    }
  }
}
