package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.await.ProgressListener;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.ethereum.client.ExecutionRpc;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Two devnets run side by side on their own ports and chain ids, and leave no process behind when closed. */
class TwoDevnetsTest {
  @Test
  void twoDevnetsRunApartAndStopCleanly() throws Exception {
    HostRuntime runtime = HostRuntime.builder().binary("anvil", TestTools.anvil()).build();
    AnvilDevnet first = AnvilDevnet.builder().name("first").chainId(1001).build();
    AnvilDevnet second = AnvilDevnet.builder().name("second").chainId(1002).build();
    List<Long> pids;
    try (HostDeployment a = runtime.deploy(first.toNetwork(), ProgressListener.none());
        HostDeployment b = runtime.deploy(second.toNetwork(), ProgressListener.none());
        ExecutionRpc rpcA = ExecutionRpc.connect(a.endpoint("first", "rpc"));
        ExecutionRpc rpcB = ExecutionRpc.connect(b.endpoint("second", "rpc"))) {
      a.awaitReady(Duration.ofSeconds(30), ProgressListener.none());
      b.awaitReady(Duration.ofSeconds(30), ProgressListener.none());
      pids = Stream.concat(a.pids().stream(), b.pids().stream()).toList();

      assertThat(rpcA.endpoint()).isNotEqualTo(rpcB.endpoint());
      assertThat(rpcA.web3j().ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(1001));
      assertThat(rpcB.web3j().ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(1002));
    }
    assertThat(pids).hasSize(2).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
  }
}
