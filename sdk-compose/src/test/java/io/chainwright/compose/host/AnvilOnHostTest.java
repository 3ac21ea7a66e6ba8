package io.chainwright.compose.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.compose.TestRpc;
import io.chainwright.compose.TestTools;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A real anvil node, from npm, run by the host runtime exactly as its Compose service describes it. */
class AnvilOnHostTest {
  static Network devnet() {
    return Network.builder().name("devnet").addWorkload(Workload.builder().name("anvil")
        .addContainer(Container.builder().name("anvil").image(Image.of("ghcr.io/foundry-rs/foundry:v1.7.1"))
            .addCommand("anvil").addArgs("--host", "0.0.0.0", "--port", "8545", "--chain-id", "1337")
            .addPort(Port.tcp("rpc", 8545))
            .readiness(Probe.jsonRpc("rpc", "eth_chainId", JsonRpcExpectation.equalTo("\"0x539\"")))
            .build())
        .build()).build();
  }

  @Test
  void anvilAnswersOnItsLoopbackEndpoint() throws Exception {
    HostRuntime runtime = HostRuntime.builder().binary("anvil", TestTools.anvil()).build();
    try (HostDeployment d = runtime.deploy(devnet(), ProgressListener.none())) {
      d.awaitReady(Duration.ofSeconds(30), ProgressListener.none());

      URI rpc = d.endpoint("anvil", "rpc");
      String reply = TestRpc.call(rpc, "eth_blockNumber");

      assertThat(rpc.getPort()).isNotEqualTo(8545);
      assertThat(reply).contains("\"result\":\"0x0\"");
    }
  }
}
