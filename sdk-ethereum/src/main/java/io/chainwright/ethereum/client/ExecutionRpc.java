package io.chainwright.ethereum.client;

import io.chainwright.api.NodeCallException;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Observation;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.ethereum.client.SyncCriteria;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSyncing;
import org.web3j.protocol.core.methods.response.NetPeerCount;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * A typed client for an execution node's JSON-RPC endpoint: waits for sync and for blocks, and
 * hands out the underlying {@link Web3j} for everything else.
 *
 * <pre>{@code
 * try (ExecutionRpc rpc = ExecutionRpc.connect(deployment.endpoint("anvil", "rpc"))) {
 *   rpc.awaitSynced(Duration.ofSeconds(30));
 *   long head = rpc.blockNumber();
 * }
 * }</pre>
 */
public final class ExecutionRpc implements AutoCloseable {
  /** The JSON-RPC error code for a method the node does not implement. */
  private static final int METHOD_NOT_FOUND = -32601;

  private final URI endpoint;
  private final HttpService service;
  private final Web3j web3j;

  private ExecutionRpc(URI endpoint, HttpService service) {
    this.endpoint = endpoint;
    this.service = service;
    this.web3j = Web3j.build(service);
  }

  /** A client for the JSON-RPC endpoint at {@code endpoint}, e.g. a deployment's {@code rpc} endpoint. */
  public static ExecutionRpc connect(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return new ExecutionRpc(endpoint, new HttpService(endpoint.toString()));
  }

  /** The web3j client, for calls this class does not wrap; closed with this client. */
  public Web3j web3j() {
    return web3j;
  }

  public URI endpoint() {
    return endpoint;
  }

  /** The head block's number. */
  public long blockNumber() {
    return call("eth_blockNumber", () -> web3j.ethBlockNumber().send().getBlockNumber()).longValueExact();
  }

  /** The number of peers the node is connected to; empty when the node does not implement {@code net_peerCount} (anvil). */
  public Optional<Integer> peerCount() {
    return call("net_peerCount", this::peers);
  }

  /** What the node reports about its sync right now. */
  public SyncState syncState() {
    return call("eth_syncing", this::observe);
  }

  /** Waits until the node is synced by {@link SyncCriteria#defaults()}. */
  public SyncState awaitSynced(Duration timeout) {
    return awaitSynced(SyncCriteria.defaults(), timeout, ProgressListener.logging());
  }

  /** Waits until the node meets {@code criteria}, reporting each observation to {@code listener}. */
  public SyncState awaitSynced(SyncCriteria criteria, Duration timeout, ProgressListener listener) {
    String subject = "node " + endpoint + " synced"
        + (criteria.minPeers() > 0 ? " with at least " + criteria.minPeers() + " peers" : "");
    return await(subject, timeout, listener, state -> !state.syncing()
        && criteria.maxHeadAge().map(max -> state.headAge().compareTo(max) <= 0).orElse(true)
        && (criteria.minPeers() == 0 || state.peers().orElse(0) >= criteria.minPeers()), criteria.minPeers() > 0);
  }

  /** Waits until the head block is at least {@code block}. */
  public SyncState awaitBlock(long block, Duration timeout) {
    return awaitBlock(block, timeout, ProgressListener.logging());
  }

  /** Waits until the head block is at least {@code block}, reporting each observation to {@code listener}. */
  public SyncState awaitBlock(long block, Duration timeout, ProgressListener listener) {
    return await("node " + endpoint + " at block " + block, timeout, listener, state -> state.currentBlock() >= block, false);
  }

  private SyncState await(String subject, Duration timeout, ProgressListener listener,
      Predicate<SyncState> done, boolean needPeers) {
    return Await.of(subject).timeout(timeout).listener(listener).retryingOn(IOException.class, RuntimeException.class)
        .until(() -> {
          SyncState state = needPeers ? withPeers(observe()) : observe();
          return Observation.of(done.test(state), state, state.toString());
        });
  }

  private SyncState observe() throws IOException {
    EthSyncing syncing = web3j.ethSyncing().send();
    if (syncing.hasError()) {
      throw new IOException("eth_syncing: " + syncing.getError().getMessage());
    }
    EthBlock.Block head = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
    long headNumber = head == null ? 0 : head.getNumber().longValueExact();
    Duration age = head == null ? Duration.ZERO
        : Duration.between(Instant.ofEpochSecond(head.getTimestamp().longValueExact()), Instant.now());
    if (age.isNegative()) {
      age = Duration.ZERO;
    }
    if (syncing.getResult() instanceof EthSyncing.Syncing progress && syncing.isSyncing()) {
      return new SyncState(true, decode(progress.getCurrentBlock()), decode(progress.getHighestBlock()), Optional.empty(), age);
    }
    return new SyncState(false, headNumber, headNumber, Optional.empty(), age);
  }

  private SyncState withPeers(SyncState state) throws IOException {
    return new SyncState(state.syncing(), state.currentBlock(), state.highestBlock(), peers(), state.headAge());
  }

  private Optional<Integer> peers() throws IOException {
    NetPeerCount reply = web3j.netPeerCount().send();
    if (reply.hasError()) {
      if (reply.getError().getCode() == METHOD_NOT_FOUND) {
        return Optional.empty();
      }
      throw new IOException(reply.getError().getMessage());
    }
    return Optional.of(reply.getQuantity().intValueExact());
  }

  private static long decode(String quantity) {
    return quantity == null ? 0 : new BigInteger(quantity.startsWith("0x") ? quantity.substring(2) : quantity, 16).longValueExact();
  }

  /**
   * Waits for the receipt of transaction {@code hash}, polling at growing intervals from a few
   * milliseconds, so an instantly mined devnet answers at once and a slow chain is not flooded.
   */
  public TransactionReceipt awaitReceipt(String hash, Duration timeout) {
    return Await.of("receipt of " + hash).timeout(timeout).retryingOn(IOException.class).until(() -> {
      EthGetTransactionReceipt reply = web3j.ethGetTransactionReceipt(hash).send();
      if (reply.hasError()) {
        return Observation.waiting("error: " + reply.getError().getMessage());
      }
      return reply.getTransactionReceipt()
          .map(receipt -> Observation.done(receipt, "mined in block " + receipt.getBlockNumber()))
          .orElseGet(() -> Observation.waiting("not mined yet"));
    });
  }

  /** A sender that signs with {@code credentials} and waits for receipts through this client. */
  public TransactionSender sender(Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    return new TransactionSender(this, credentials);
  }

  /** Calls a view {@code function} of the contract at {@code to} on the latest block, decoding what it returns. */
  @SuppressWarnings("rawtypes")
  public List<Type> call(String to, Function function) {
    String data = FunctionEncoder.encode(function);
    EthCall reply = call("eth_call", () -> web3j.ethCall(
        org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(null, to, data),
        DefaultBlockParameterName.LATEST).send());
    if (reply.hasError()) {
      throw new NodeCallException(endpoint.toString(), "eth_call " + function.getName() + " on " + to, reply.getError().getCode(),
          reply.getError().getMessage());
    }
    return FunctionReturnDecoder.decode(reply.getValue(), function.getOutputParameters());
  }

  /**
   * Calls a JSON-RPC {@code method} that web3j does not wrap (a devnet's own methods, say) and
   * returns its result as JSON values: a {@code String}, {@code Boolean}, {@code Number},
   * {@code List}, {@code Map} or {@code null}. A node error is a {@link NodeCallException} with its code.
   */
  public Object request(String method, Object... params) {
    RawResponse reply = call(method, () -> new Request<>(method, List.of(params), service, RawResponse.class).send());
    if (reply.hasError()) {
      throw new NodeCallException(endpoint.toString(), method, reply.getError().getCode(), reply.getError().getMessage());
    }
    return reply.getResult();
  }

  /** A JSON-RPC reply whose result is read as plain JSON values. */
  public static final class RawResponse extends Response<Object> {}

  private <T> T call(String method, IoCall<T> call) {
    try {
      return call.run();
    } catch (IOException e) {
      throw new NodeCallException(endpoint.toString(), method, null, String.valueOf(e.getMessage()), e);
    }
  }

  /** Stops web3j's HTTP client and its threads. */
  @Override
  public void close() {
    web3j.shutdown();
  }

  @FunctionalInterface
  private interface IoCall<T> {
    T run() throws IOException;
  }
}
