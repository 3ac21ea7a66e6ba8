package io.chainwright.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The extension as a user meets it: a real anvil devnet for the class, its endpoint as a parameter. */
@Devnet
class AnvilDevnetTest {
  static HostRuntime runtime = HostRuntime.builder().binary("anvil", TestTools.anvil()).build();

  static Network network = Network.builder().name("devnet").addWorkload(Workload.builder().name("anvil")
      .addContainer(Container.builder().name("anvil").image(Image.of("ghcr.io/foundry-rs/foundry:v1.7.1"))
          .addCommand("anvil").addArgs("--host", "0.0.0.0", "--port", "8545")
          .addPort(Port.tcp("rpc", 8545))
          .readiness(Probe.jsonRpc("rpc", "eth_chainId", JsonRpcExpectation.equalTo("\"0x7a69\"")))
          .build())
      .build()).build();

  private static String call(URI rpc, String method) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(rpc).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void theEndpointIsAReadyAnvil(@Endpoint(workload = "anvil", port = "rpc") URI rpc) throws Exception {
    assertThat(call(rpc, "eth_chainId")).contains("\"result\":\"0x7a69\"");
  }

  @Test
  void theDeploymentIsTheHostOneAndShared(HostDeployment deployment, Network running,
      @Endpoint(workload = "anvil", port = "rpc") URI rpc) {
    assertThat(running).isSameAs(network);
    assertThat(deployment.endpoint("anvil", "rpc")).isEqualTo(rpc);
    assertThat(deployment.pids()).hasSize(1);
  }
}
