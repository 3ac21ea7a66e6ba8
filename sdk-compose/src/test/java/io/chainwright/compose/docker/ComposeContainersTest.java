package io.chainwright.compose.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.JsonRpcExpectation;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Probe;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.compose.TestTools;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
  private static Network anvil() {
    return Network.builder().name("cw-testcontainers").addWorkload(Workload.builder().name("anvil").kind(WorkloadKind.STATELESS)
        .addContainer(Container.builder().name("anvil").image(Image.of(TestDocker.ANVIL_IMAGE))
            .addCommand("anvil").addArgs("--host", "0.0.0.0", "--port", "8545", "--chain-id", "31337")
            .addPort(Port.tcp("rpc", 8545))
            .readiness(Probe.jsonRpc("rpc", "eth_chainId", JsonRpcExpectation.equalTo("\"0x7a69\"")))
            .build())
        .build()).build();
  }

  @Test
  void aNetworkRunsThroughTestcontainersOnComposeV1AndItsPortIsMapped(@TempDir Path dir) throws Exception {
    TestTools.systemProgram("docker-compose", "docker-compose");
    TestDocker.anvilImage();

    DockerComposeContainer<?> compose = ComposeContainers.withComposeV1(anvil(), dir);
    try {
      compose.start();
      ContainerState anvil = compose.getContainerByServiceName("anvil").orElseThrow();
      URI rpc = URI.create("http://127.0.0.1:" + ComposeContainers.publishedPort(anvil, 8545) + "/");
      String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";
      String answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(rpc).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertThat(answer).contains("0x7a69");
    } finally {
      compose.stop();
    }
  }
}
