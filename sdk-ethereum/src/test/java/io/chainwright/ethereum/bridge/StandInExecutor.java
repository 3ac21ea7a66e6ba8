package io.chainwright.ethereum.bridge;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;

/**
 * Stands in for a platform's executor image in the live bridge test, reading only what
 * {@link BridgeEnv} promises: it takes each queued message and submits its input on the
 * destination chain, signed with the key from its key file for the destination's chain id.
 */
public final class StandInExecutor {
  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(100_000);

  private StandInExecutor() {}

  public static void main(String[] args) throws Exception {
    Web3j destination = Web3j.build(new HttpService(System.getenv("BRIDGE_DESTINATION_RPC_URL")));
    long chainId = Long.parseLong(System.getenv("BRIDGE_DESTINATION_CHAIN_ID"));
    Credentials signer = Credentials.create(Files.readString(Path.of(System.getenv(BridgeEnv.SIGNER_KEY_FILE))).strip());
    RawTransactionManager transactions = new RawTransactionManager(destination, signer, chainId);
    String queue = System.getenv(BridgeEnv.QUEUE);
    String password = Files.readString(Path.of(System.getenv(BridgeEnv.REDIS_PASSWORD_FILE)));
    try (Resp redis = Resp.connect(System.getenv(BridgeEnv.REDIS_ADDRESS))) {
      StandInListener.check(redis.call("AUTH", password));
      while (true) {
        String taken = redis.call("BRPOP", queue, "1");
        if (taken.equals("(nil)")) {
          continue;
        }
        String input = taken.substring(taken.lastIndexOf(' ') + 1);
        BigInteger gasPrice = destination.ethGasPrice().send().getGasPrice();
        var sent = transactions.sendTransaction(gasPrice, GAS_LIMIT, signer.getAddress(), input, BigInteger.ZERO);
        if (sent.hasError()) {
          throw new IllegalStateException("the destination refused " + taken + ": " + sent.getError().getMessage());
        }
        System.out.println("relayed " + taken + " as " + sent.getTransactionHash());
      }
    }
  }
}
