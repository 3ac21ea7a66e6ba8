package io.chainwright.ethereum.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.SecretValue;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Backoff;
import io.chainwright.api.await.Observation;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.material.Materials;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.ethereum.client.ExecutionRpc;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.tx.RawTransactionManager;

/**
 * A whole bridge on the host runtime: two anvil chains, the queue as a real Redis, and stand-in
 * listener and executor programs that read only the environment and files the bridge gives them.
 * A transaction on the source chain reaches the destination once it has its confirmations, signed
 * there with the executor's key.
 */
class BridgeOnHostTest {
  private static final Duration READY = Duration.ofSeconds(60);
  private static final String LISTENER = "registry.example.org/bridge-listener";
  private static final String EXECUTOR = "registry.example.org/bridge-executor";
  private static final int CONFIRMATIONS = 3;
  @TempDir
  Path work;
  private final List<HostDeployment> deployments = new ArrayList<>();

  @AfterEach
  void stopAll() {
    deployments.forEach(d -> d.destroy(Teardown.DELETE_ALL_VOLUMES));
  }

  /** A launcher that runs {@code main} from this test's classpath, standing in for an image's entrypoint. */
  private Path launcher(Class<?> main) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path script = work.resolve(main.getSimpleName() + ".sh");
    Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
        + main.getName() + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private HostDeployment deploy(HostRuntime runtime, Network network) {
    HostDeployment d = runtime.deploy(network, ProgressListener.none());
    deployments.add(d);
    d.awaitReady(READY, ProgressListener.none());
    return d;
  }

  @Test
  void aSourceTransactionIsRelayedToTheDestinationOnceConfirmed() throws Exception {
    TestTools.systemProgram("redis-cli", "redis-tools");
    HostRuntime runtime = HostRuntime.builder().workRoot(work.resolve("networks"))
        .binary("anvil", TestTools.anvil())
        .binary("redis-server", TestTools.systemProgram("redis-server", "redis-server"))
        .binary(LISTENER, launcher(StandInListener.class))
        .binary(EXECUTOR, launcher(StandInExecutor.class))
        .build();
    AnvilDevnet sourceChain = AnvilDevnet.builder().name("source").chainId(31337).build();
    AnvilDevnet destinationChain = AnvilDevnet.builder().name("destination").chainId(31338).build();
    URI source = deploy(runtime, sourceChain.toNetwork()).endpoint("source", "rpc");
    URI destination = deploy(runtime, destinationChain.toNetwork()).endpoint("destination", "rpc");
    Credentials signer = destinationChain.credentials(1);
    Path keyFile = work.resolve("signer.key");
    Files.writeString(keyFile, signer.getEcKeyPair().getPrivateKey().toString(16));

    Bridge bridge = Bridge.builder()
        .source(BridgeChain.of("source", 31337, source))
        .destination(BridgeChain.of("destination", 31338, destination))
        .listenerImage(Image.of(LISTENER + ":test")).executorImage(Image.of(EXECUTOR + ":test"))
        .signerKey(SecretKeyRef.of("bridge-signer", "key")).signerKeyValue(SecretValue.fromFile(keyFile))
        .confirmations(CONFIRMATIONS)
        .build();
    Materials materials = MaterialStore.inMemory().forNetwork("bridge");
    HostDeployment deployed = deploy(runtime, bridge.addTo(Network.builder().name("bridge"), materials).build());

    try (ExecutionRpc from = ExecutionRpc.connect(source); ExecutionRpc to = ExecutionRpc.connect(destination);
        Resp queue = Resp.connect(deployed.endpoint(bridge.redisWorkloadName(), "redis").getAuthority())) {
      queue.call("AUTH", new String(bridge.redisPassword(materials).resolve(), StandardCharsets.US_ASCII));
      Credentials sender = sourceChain.credentials(0);
      // A first message shows the whole path is up: listener, queue, executor and both chains.
      send(from, sender, "0x01");
      mine(from, CONFIRMATIONS);
      assertThat(awaitRelayed(to, signer, 1).getInput()).isEqualTo("0x01");

      long sentIn = send(from, sender, "0xc0ffee");
      mine(from, CONFIRMATIONS - 1);
      long head = from.blockNumber();
      awaitListenerSaw(queue, bridge.queue(), head);
      assertThat(queue.call("GET", bridge.queue() + ":queued")).as("queued at block " + head + ", sent in block " + sentIn
          + ", with " + CONFIRMATIONS + " confirmations asked").isEqualTo("1");

      mine(from, 1);
      Transaction relayed = awaitRelayed(to, signer, 2);
      assertThat(relayed.getInput()).isEqualTo("0xc0ffee");
      assertThat(relayed.getChainId()).isEqualTo(31338L);
    }
  }

  /** Sends {@code input} in a transaction to the sender itself; the block it landed in. */
  private static long send(ExecutionRpc chain, Credentials sender, String input) throws Exception {
    String hash = new RawTransactionManager(chain.web3j(), sender, chain.web3j().ethChainId().send().getChainId().longValueExact())
        .sendTransaction(chain.web3j().ethGasPrice().send().getGasPrice(), BigInteger.valueOf(100_000), sender.getAddress(),
            input, BigInteger.ZERO).getTransactionHash();
    return chain.awaitReceipt(hash, Duration.ofSeconds(30)).getBlockNumber().longValueExact();
  }

  private static void mine(ExecutionRpc chain, int blocks) {
    chain.request("anvil_mine", "0x" + Integer.toHexString(blocks));
  }

  private static void awaitListenerSaw(Resp queue, String name, long head) throws Exception {
    Await.of("the listener to see block " + head).timeout(Duration.ofSeconds(30)).listener(ProgressListener.none())
        .backoff(Backoff.fixed(Duration.ofMillis(100))).untilRethrowing(() -> {
          String seen = queue.call("GET", name + ":seen");
          return Observation.of(!seen.equals("(nil)") && Long.parseLong(seen) >= head, seen, "last seen " + seen);
        });
  }

  private static BigInteger nonce(ExecutionRpc chain, Credentials account) throws Exception {
    return chain.web3j().ethGetTransactionCount(account.getAddress(), DefaultBlockParameterName.LATEST).send().getTransactionCount();
  }

  /** The executor's {@code count}th transaction on the destination chain, once it is in a block. */
  private static Transaction awaitRelayed(ExecutionRpc chain, Credentials signer, int count) throws Exception {
    Await.of("transaction " + count + " from the executor's key").timeout(Duration.ofSeconds(30)).listener(ProgressListener.none())
        .backoff(Backoff.fixed(Duration.ofMillis(200))).untilRethrowing(() -> {
          BigInteger nonce = nonce(chain, signer);
          return Observation.of(nonce.intValueExact() >= count, nonce, "nonce " + nonce);
        });
    EthBlock.Block head = chain.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, true).send().getBlock();
    return head.getTransactions().stream().map(r -> (Transaction) r.get())
        .filter(t -> t.getFrom().equalsIgnoreCase(signer.getAddress())).findFirst().orElseThrow();
  }
}
