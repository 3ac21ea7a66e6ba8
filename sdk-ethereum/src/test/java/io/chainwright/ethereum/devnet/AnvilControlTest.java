package io.chainwright.ethereum.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.NodeCallException;
import io.chainwright.api.ValidationException;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.ethereum.client.ExecutionRpc;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Transfers, snapshots, time travel, balances and forks on real anvil nodes. */
class AnvilControlTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final BigInteger ONE_ETHER = BigInteger.TEN.pow(18);
  private static final AnvilDevnet DEVNET = AnvilDevnet.builder().name("source").accounts(3).build();

  private HostDeployment source;
  private ExecutionRpc rpc;
  private String payee;

  @BeforeEach
  void start() {
    TestTools.anvil(); // skips (fails in CI) when the build did not install it
    source = start(DEVNET);
    rpc = ExecutionRpc.connect(source.endpoint("source", "rpc"));
    payee = DEVNET.credentials(1).getAddress();
  }

  @AfterEach
  void stop() {
    if (rpc != null) {
      rpc.close();
    }
    if (source != null) {
      source.close();
    }
  }

  @Test
  void aTransferMovesTheValueAndWaitsForItsReceipt() throws Exception {
    TransactionReceipt receipt = rpc.sender(DEVNET.credentials(0)).transfer(payee, ONE_ETHER, TIMEOUT);

    assertThat(receipt.isStatusOK()).isTrue();
    assertThat(receipt.getTo()).isEqualToIgnoringCase(payee);
    assertThat(balance(rpc, payee)).isEqualTo(DEVNET.balanceWei().add(ONE_ETHER));
  }

  @Test
  void aTransferOfMoreThanTheSenderHasIsRefusedByTheNode() {
    assertThatThrownBy(() -> rpc.sender(DEVNET.credentials(0)).transfer(payee, DEVNET.balanceWei().multiply(BigInteger.TWO), TIMEOUT))
        .isInstanceOf(NodeCallException.class)
        .hasMessageContaining("transfer of " + DEVNET.balanceWei().multiply(BigInteger.TWO) + " wei to " + payee);
  }

  @Test
  void revertingToASnapshotUndoesWhatCameAfterIt() throws Exception {
    AnvilControl anvil = AnvilControl.of(rpc);
    String clean = anvil.snapshot();
    rpc.sender(DEVNET.credentials(0)).transfer(payee, ONE_ETHER, TIMEOUT);
    anvil.setBalance(DEVNET.credentials(2).getAddress(), BigInteger.valueOf(5));

    anvil.revert(clean);

    assertThat(balance(rpc, payee)).isEqualTo(DEVNET.balanceWei());
    assertThat(balance(rpc, DEVNET.credentials(2).getAddress())).isEqualTo(DEVNET.balanceWei());
    assertThatThrownBy(() -> anvil.revert(clean)).isInstanceOf(NodeCallException.class).hasMessageContaining("no snapshot " + clean);
  }

  @Test
  void timeTravelMovesTheNextBlocksTimestamp() throws Exception {
    AnvilControl anvil = AnvilControl.of(rpc);
    long before = timestamp(rpc, DefaultBlockParameterName.LATEST);

    anvil.increaseTime(Duration.ofDays(7));
    anvil.mine();

    assertThat(timestamp(rpc, DefaultBlockParameterName.LATEST) - before).isGreaterThanOrEqualTo(Duration.ofDays(7).toSeconds());
  }

  @Test
  void setBalanceGivesAnyAddressFunds() throws Exception {
    String fresh = "0x00000000000000000000000000000000000000a1";
    AnvilControl.of(rpc).setBalance(fresh, ONE_ETHER.multiply(BigInteger.valueOf(3)));

    assertThat(balance(rpc, fresh)).isEqualTo(ONE_ETHER.multiply(BigInteger.valueOf(3)));
  }

  @Test
  void aForkSeesTheChainAsItWasAtTheForkBlock() throws Exception {
    // Not one of the fork's own prefunded accounts, which anvil funds afresh.
    String outsider = "0x00000000000000000000000000000000000000b2";
    rpc.sender(DEVNET.credentials(0)).transfer(outsider, ONE_ETHER, TIMEOUT);
    long forkBlock = rpc.blockNumber();
    rpc.sender(DEVNET.credentials(0)).transfer(outsider, ONE_ETHER, TIMEOUT);

    AnvilDevnet fork = AnvilDevnet.builder().name("fork").accounts(3)
        .forkUrl(source.endpoint("source", "rpc")).forkBlockNumber(forkBlock).build();
    try (HostDeployment forked = start(fork); ExecutionRpc forkRpc = ExecutionRpc.connect(forked.endpoint("fork", "rpc"))) {
      assertThat(forkRpc.blockNumber()).isEqualTo(forkBlock);
      assertThat(balance(forkRpc, outsider)).isEqualTo(ONE_ETHER);
      assertThat(balance(rpc, outsider)).isEqualTo(ONE_ETHER.multiply(BigInteger.TWO));
    }
  }

  @Test
  void aForkBlockWithoutAForkUrlIsRefused() {
    assertThatThrownBy(() -> AnvilDevnet.builder().forkBlockNumber(-1L).forkUrl(URI.create("ftp://node")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("forkUrl: is not an http(s) or ws(s) JSON-RPC endpoint: ftp")
        .hasMessageContaining("forkBlockNumber: -1 is not a block number");
    assertThatThrownBy(() -> AnvilDevnet.builder().forkBlockNumber(5L).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("forkBlockNumber: needs a forkUrl to fork from");
  }

  @Test
  void theForkUrlStaysOutOfToString() {
    AnvilDevnet fork = AnvilDevnet.builder().forkUrl(URI.create("https://node.example/v2/secret-key")).build();
    assertThat(fork.toString()).doesNotContain("secret-key");
  }

  private static HostDeployment start(AnvilDevnet devnet) {
    HostDeployment deployment = HostRuntime.create().deploy(devnet.toNetwork(), ProgressListener.none());
    deployment.awaitReady(TIMEOUT, ProgressListener.none());
    return deployment;
  }

  private static BigInteger balance(ExecutionRpc rpc, String address) throws Exception {
    return rpc.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  private static long timestamp(ExecutionRpc rpc, DefaultBlockParameter block) throws Exception {
    return rpc.web3j().ethGetBlockByNumber(block, false).send().getBlock().getTimestamp().longValueExact();
  }
}
