package io.chainwright.benchmarks;

import io.chainwright.ethereum.client.ContractArtifact;
import io.chainwright.ethereum.client.ExecutionRpc;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * From start to the first mined receipt on anvil: the SDK (an {@link AnvilDevnet} through the host
 * runtime, then {@code ExecutionRpc} deploying the sample contract) against raw anvil spawned by
 * hand and driven by plain web3j with its own receipt polling. Both deploy the same bytecode from
 * the same account; stopping is outside the measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class FirstReceiptBenchmark {
  private static final AnvilDevnet DEVNET = AnvilDevnet.builder().name("bench").build();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** Comfortably above what the sample contract's creation needs. */
  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(500_000);

  private final AnvilRuns runs = new AnvilRuns();
  private Credentials deployer;
  private String creation;

  @Setup(Level.Trial)
  public void prepareDeployment() {
    deployer = DEVNET.credentials(0);
    creation = ContractArtifact.counter().bytecode() + FunctionEncoder.encodeConstructor(List.of(new Uint256(1)));
  }

  @Benchmark
  public String sdk() {
    try (ExecutionRpc rpc = ExecutionRpc.connect(runs.deploy(DEVNET.toNetwork(), TIMEOUT).endpoint("bench", "rpc"))) {
      return rpc.sender(deployer).deploy(ContractArtifact.counter(), TIMEOUT, new Uint256(1)).address();
    }
  }

  @Benchmark
  public String rawAnvilAndWeb3j() throws IOException, InterruptedException, TransactionException {
    int port = runs.spawnRaw();
    Web3j web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port));
    try {
      long chainId = awaitChainId(web3j);
      BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice();
      EthSendTransaction sent = new RawTransactionManager(web3j, deployer, chainId)
          .sendTransaction(gasPrice, GAS_LIMIT, null, creation, BigInteger.ZERO, true);
      // web3j's own receipt polling, at its default interval and attempt count.
      TransactionReceipt receipt = new PollingTransactionReceiptProcessor(web3j, 1000, 40)
          .waitForTransactionReceipt(sent.getTransactionHash());
      return receipt.getContractAddress();
    } finally {
      web3j.shutdown();
    }
  }

  /** Asks for the chain id until anvil answers, as a hand-written start would. */
  private static long awaitChainId(Web3j web3j) throws InterruptedException {
    while (true) {
      try {
        return web3j.ethChainId().send().getChainId().longValueExact();
      } catch (IOException notYet) {
        Thread.sleep(1);
      }
    }
  }

  @TearDown(Level.Invocation)
  public void stop() throws InterruptedException {
    runs.stop();
  }
}
