package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.await.ProgressListener;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.ethereum.client.ExecutionRpc;
import io.chainwright.ethereum.devnet.GethDevnet;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** geth's developer mode as a devnet: its flags always, and a real run where a geth binary is installed. */
class GethDevnetTest {
  @Test
  void runsGethInDeveloperModeWithRestrictedHosts() {
    GethDevnet devnet = GethDevnet.builder().blockTime(Duration.ofSeconds(1)).build();
    assertThat(devnet.workload().containers().get(0).args()).contains("--dev", "--dev.period=1",
        "--http.vhosts=geth-dev,localhost", "--http.api=eth,net,web3");
    Rendered.both(devnet.toNetwork());
  }

  @Test
  void minesBlocksOnAHostGeth() {
    Path geth = TestTools.optionalProgram("geth", "the geth developer-mode devnet runs only where a geth binary is installed");
    GethDevnet devnet = GethDevnet.builder().blockTime(Duration.ofSeconds(1)).build();
    HostRuntime runtime = HostRuntime.builder().binary("geth", geth).build();
    try (HostDeployment deployment = runtime.deploy(devnet.toNetwork(), ProgressListener.none());
        ExecutionRpc rpc = ExecutionRpc.connect(deployment.endpoint("geth-dev", "rpc"))) {
      deployment.awaitReady(Duration.ofSeconds(60), ProgressListener.none());
      assertThat(rpc.web3j().ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(1337));
      assertThat(rpc.awaitBlock(2, Duration.ofSeconds(60)).currentBlock()).isGreaterThanOrEqualTo(2);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
