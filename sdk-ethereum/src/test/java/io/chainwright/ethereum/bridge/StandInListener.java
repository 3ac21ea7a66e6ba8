package io.chainwright.ethereum.bridge;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.http.HttpService;

/**
 * Stands in for a platform's listener image in the live bridge test, reading only what
 * {@link BridgeEnv} promises: it queues the input of every source-chain transaction once its
 * block has the configured confirmations, as {@code <hash> <input>}. For the test to read, it counts
 * what it queued in {@code <queue>:queued} and, after each look, the head it saw in {@code <queue>:seen}.
 */
public final class StandInListener {
  private StandInListener() {}

  public static void main(String[] args) throws Exception {
    Web3j source = Web3j.build(new HttpService(System.getenv("BRIDGE_SOURCE_RPC_URL")));
    long confirmations = Long.parseLong(System.getenv(BridgeEnv.CONFIRMATIONS));
    String queue = System.getenv(BridgeEnv.QUEUE);
    String password = Files.readString(Path.of(System.getenv(BridgeEnv.REDIS_PASSWORD_FILE)));
    try (Resp redis = Resp.connect(System.getenv(BridgeEnv.REDIS_ADDRESS))) {
      check(redis.call("AUTH", password));
      long next = 1;
      while (true) {
        long head = source.ethBlockNumber().send().getBlockNumber().longValueExact();
        long confirmed = head - confirmations;
        for (; next <= confirmed; next++) {
          EthBlock.Block block = source.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(next)), true)
              .send().getBlock();
          for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
            Transaction tx = (Transaction) result.get();
            check(redis.call("LPUSH", queue, tx.getHash() + " " + tx.getInput()));
            check(redis.call("INCR", queue + ":queued"));
          }
        }
        check(redis.call("SET", queue + ":seen", String.valueOf(head)));
        Thread.sleep(200);
      }
    }
  }

  static void check(String answer) {
    if (answer.startsWith("-")) {
      throw new IllegalStateException("Redis refused: " + answer);
    }
  }
}
