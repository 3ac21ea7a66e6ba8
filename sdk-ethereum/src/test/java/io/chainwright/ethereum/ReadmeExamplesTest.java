package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Exposure;
import io.chainwright.api.Network;
import io.chainwright.api.backend.ProgressListener;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Ethereum examples proposed for the README, exactly as written there, so they keep compiling and running. */
class ReadmeExamplesTest {
  @Test
  void aMainnetNodeRendersAsCompose() {
    // README: ethereum-node
    Network node = EthereumNode.builder()
        .name("mainnet")
        .network(PublicNetwork.MAINNET)
        .execution(ExecutionSpec.of(ExecutionClient.GETH))
        .consensus(ConsensusSpec.of(ConsensusClient.LIGHTHOUSE, URI.create("https://checkpoint.example.org")))
        .p2pExposure(Exposure.nodePort())
        .build()
        .toNetwork();
    String compose = ComposeRenderer.render(node).composeYaml();
    // README: end

    assertThat(compose).contains("mainnet-geth:", "mainnet-lighthouse:", "--execution-endpoint=http://mainnet-geth:8551");
  }

  @Test
  void anAnvilDevnetMinesBlocks() {
    Path anvil = TestTools.anvil();
    // README: anvil-devnet
    AnvilDevnet devnet = AnvilDevnet.builder().chainId(1337).blockTime(Duration.ofSeconds(1)).build();
    HostRuntime runtime = HostRuntime.builder().binary("anvil", anvil).build();
    SyncState state;
    try (HostDeployment deployment = runtime.deploy(devnet.toNetwork());
        ExecutionRpc rpc = ExecutionRpc.connect(deployment.endpoint("anvil", "rpc"))) {
      deployment.awaitReady(Duration.ofSeconds(30), ProgressListener.logging());
      state = rpc.awaitBlock(2, Duration.ofSeconds(30));
    }
    System.out.println("anvil reached block " + state.currentBlock());
    // README: end

    assertThat(state.currentBlock()).isGreaterThanOrEqualTo(2);
  }
}
