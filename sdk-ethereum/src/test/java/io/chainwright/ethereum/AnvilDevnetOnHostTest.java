package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.await.Progress;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.tools.LocalTool;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.ethereum.client.ExecutionRpc;
import io.chainwright.ethereum.client.SyncCriteria;
import io.chainwright.ethereum.client.SyncState;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;

/** A real anvil devnet, run as a host process, answered through the typed client. */
class AnvilDevnetOnHostTest {
  private static final AnvilDevnet DEVNET = AnvilDevnet.builder().chainId(4242).accounts(3).balanceEther(77)
      .blockTime(Duration.ofSeconds(1)).build();
  private static HostDeployment deployment;
  private static ExecutionRpc rpc;

  @BeforeAll
  static void start() {
    TestTools.anvil(); // skips (fails in CI) when the build did not install it
    HostRuntime runtime = HostRuntime.create(); // finds it itself, through the SDK's tool catalog
    deployment = runtime.deploy(DEVNET.toNetwork(), ProgressListener.none());
    deployment.awaitReady(Duration.ofSeconds(30), ProgressListener.none());
    rpc = ExecutionRpc.connect(deployment.endpoint("anvil", "rpc"));
  }

  @AfterAll
  static void stop() {
    if (rpc != null) {
      rpc.close();
    }
    if (deployment != null) {
      deployment.close();
    }
  }

  @Test
  void theChainHasTheConfiguredIdAndFundedAccounts() throws Exception {
    assertThat(rpc.web3j().ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(4242));
    for (int i = 0; i < 2; i++) {
      BigInteger balance = rpc.web3j().ethGetBalance(DEVNET.credentials(i).getAddress(), DefaultBlockParameterName.LATEST)
          .send().getBalance();
      assertThat(balance).as("account " + i).isEqualTo(DEVNET.balanceWei());
    }
  }

  @Test
  void theAnvilThatRunsIsTheVersionTheModelPins() {
    assertThat(deployment.binaryVersion("anvil")).isPresent().isEqualTo(LocalTool.versionNamedBy(DEVNET.image()));
  }

  @Test
  void awaitSyncedReturnsOnANodeThatIsNotSyncing() {
    SyncState state = rpc.awaitSynced(Duration.ofSeconds(30));
    assertThat(state.syncing()).isFalse();
  }

  @Test
  void awaitBlockReturnsOnceTheIntervalMinerGetsThere() {
    List<Progress> seen = new CopyOnWriteArrayList<>();
    SyncState state = rpc.awaitBlock(2, Duration.ofSeconds(60), seen::add);
    assertThat(state.currentBlock()).isGreaterThanOrEqualTo(2);
    assertThat(seen).last().satisfies(p -> {
      assertThat(p.ready()).isTrue();
      assertThat(p.subject()).contains("block 2");
    });
  }

  @Test
  void awaitingAFarBlockTimesOutNamingTheBlockAndTheLastHead() {
    assertThatThrownBy(() -> rpc.awaitBlock(1_000_000_000L, Duration.ofMillis(300), ProgressListener.none()))
        .isInstanceOfSatisfying(AwaitTimeoutException.class, e -> {
          assertThat(e.awaited()).contains("block 1000000000");
          assertThat(e.lastState()).startsWith("not syncing, block ").contains(" of ");
        });
  }

  @Test
  void aPeerMinimumAnvilCannotMeetTimesOutNamingTheMinimum() {
    SyncCriteria needsPeers = SyncCriteria.builder().minPeers(3).build();
    assertThatThrownBy(() -> rpc.awaitSynced(needsPeers, Duration.ofMillis(300), ProgressListener.none()))
        .isInstanceOfSatisfying(AwaitTimeoutException.class, e -> {
          assertThat(e.awaited()).contains("at least 3 peers");
          assertThat(e.lastState()).startsWith("not syncing");
        });
  }

  @Test
  void aTransferIsMinedAndItsReceiptAwaited() throws Exception {
    // Account 2 pays a fresh address, so the balance test's accounts 0 and 1 stay untouched in any test order.
    String payee = "0x" + "42".repeat(20);
    RawTransactionManager signer = new RawTransactionManager(rpc.web3j(), DEVNET.credentials(2), DEVNET.chainId());
    EthSendTransaction sent = signer.sendTransaction(BigInteger.valueOf(5_000_000_000L), BigInteger.valueOf(21_000),
        payee, "", BigInteger.ONE);
    assertThat(sent.hasError()).isFalse();

    TransactionReceipt receipt = rpc.awaitReceipt(sent.getTransactionHash(), Duration.ofSeconds(30));

    assertThat(receipt.isStatusOK()).isTrue();
    assertThat(receipt.getTo()).isEqualToIgnoringCase(payee);
  }

  @Test
  void anUnknownTransactionTimesOutNamingIt() {
    String unknown = "0x" + "ab".repeat(32);
    assertThatThrownBy(() -> rpc.awaitReceipt(unknown, Duration.ofMillis(200)))
        .isInstanceOfSatisfying(AwaitTimeoutException.class, e -> {
          assertThat(e.awaited()).contains(unknown);
          assertThat(e.lastState()).isEqualTo("not mined yet");
        });
  }

  @Test
  void aNodeWithoutNetPeerCountReportsNoPeerCountRatherThanFailing() {
    assertThat(rpc.peerCount()).isEmpty();
  }
}
