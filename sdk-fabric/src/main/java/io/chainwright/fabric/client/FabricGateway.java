package io.chainwright.fabric.client;

import io.chainwright.api.PlatformException;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Backoff;
import io.chainwright.api.await.Observation;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.Transaction;

/**
 * Transactions through a peer's Gateway service as one org identity: submit (endorse, order, wait
 * for commit) and evaluate (query one peer).
 *
 * <pre>{@code
 * try (FabricGateway gateway = FabricGateway.connect(peerEndpoint, ClientTls.trusting(tlsCa), user, Duration.ofSeconds(30))) {
 *   gateway.submit("mychannel", "basic", "put", "k", "v");
 *   byte[] value = gateway.evaluate("mychannel", "basic", "get", "k");
 * }
 * }</pre>
 */
public final class FabricGateway implements AutoCloseable {
  /** Resending is cheap and the wait is usually a Raft election: 100 ms, doubling up to 2 s. */
  private static final Backoff RESEND = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(2));

  private final Endpoint endpoint;
  private final FabricIdentity identity;
  private final Duration timeout;
  private final ManagedChannel channel;
  private final Gateway gateway;
  private final String node;

  private FabricGateway(String node, Endpoint endpoint, FabricIdentity identity, Duration timeout, ManagedChannel channel,
      Gateway gateway) {
    this.endpoint = endpoint;
    this.identity = identity;
    this.timeout = timeout;
    this.channel = channel;
    this.gateway = gateway;
    this.node = node;
  }

  /**
   * Connects to the Gateway service of the peer at {@code endpoint} as {@code identity}; each
   * endorsement, submission, commit wait and evaluation gives up after {@code timeout}.
   */
  public static FabricGateway connect(Endpoint endpoint, ClientTls tls, FabricIdentity identity, Duration timeout) {
    return open(NodeNames.of("peer", null, endpoint), endpoint, tls, identity, timeout);
  }

  /** As {@link #connect(Endpoint, ClientTls, FabricIdentity, Duration)}, naming the peer in errors, e.g. {@code peer0 of org1}. */
  public static FabricGateway connect(String name, Endpoint endpoint, ClientTls tls, FabricIdentity identity, Duration timeout) {
    return open(NodeNames.of("peer", name, endpoint), endpoint, tls, identity, timeout);
  }

  private static FabricGateway open(String node, Endpoint endpoint, ClientTls tls, FabricIdentity identity, Duration timeout) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(timeout, "timeout");
    ManagedChannel channel = GrpcChannels.open(node, endpoint, tls);
    // Applied per call, so each call gets the whole timeout from when it starts.
    UnaryOperator<CallOptions> deadline = deadline(timeout);
    Gateway gateway = Gateway.newInstance()
        .identity(identity.gatewayIdentity())
        .signer(identity.signer())
        .hash(Hash.SHA256)
        .connection(channel)
        .evaluateOptions(deadline)
        .endorseOptions(deadline)
        .submitOptions(deadline)
        .commitStatusOptions(deadline)
        .connect();
    return new FabricGateway(node, endpoint, identity, timeout, channel, gateway);
  }

  /** Runs {@code function} on {@code chaincode} as a transaction, waits for it to commit, and returns its result. */
  public byte[] submit(String channelName, String chaincode, String function, String... args) {
    String operation = operation("submit", channelName, chaincode, function);
    try {
      return submit(contract(channelName, chaincode).newProposal(function).addArguments(args).build().endorse());
    } catch (Exception e) {
      throw Failures.of(operation, node, timeout, e);
    }
  }

  /**
   * As {@link #submit(String, String, String, String...)}, endorsed by the peers of the organisations
   * {@code options} names, within its deadline.
   */
  public byte[] submit(String channelName, String chaincode, String function, TransactionOptions options, String... args) {
    String operation = operation("submit", channelName, chaincode, function);
    Duration limit = options.deadline().orElse(timeout);
    try {
      return submit(proposal(channelName, chaincode, function, options, args).endorse(deadline(limit)));
    } catch (Exception e) {
      throw Failures.of(operation, node, limit, e);
    }
  }

  /**
   * As {@link #evaluate(String, String, String, String...)}, answered by a peer of the organisations
   * {@code options} names, within its deadline.
   */
  public byte[] evaluate(String channelName, String chaincode, String function, TransactionOptions options, String... args) {
    String operation = operation("evaluate", channelName, chaincode, function);
    Duration limit = options.deadline().orElse(timeout);
    try {
      return proposal(channelName, chaincode, function, options, args).evaluate(deadline(limit));
    } catch (Exception e) {
      throw Failures.of(operation, node, limit, e);
    }
  }

  private org.hyperledger.fabric.client.Proposal proposal(String channelName, String chaincode, String function, TransactionOptions options,
      String... args) {
    var proposal = contract(channelName, chaincode).newProposal(function).addArguments(args);
    if (!options.organizations().isEmpty()) {
      proposal.setEndorsingOrganizations(options.organizations().toArray(String[]::new));
    }
    return proposal.build();
  }

  /** A gRPC deadline {@code limit} after the call starts. */
  private static UnaryOperator<CallOptions> deadline(Duration limit) {
    return o -> o.withDeadlineAfter(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Submits an endorsed transaction and waits for its commit. While no orderer takes it (a channel
   * whose Raft leader is still being elected answers UNAVAILABLE), the same envelope is sent again
   * until the timeout: the transaction id is fixed, so it can be committed at most once.
   */
  byte[] submit(Transaction transaction) throws Exception {
    return Await.of("an orderer of " + node + " to take transaction " + transaction.getTransactionId())
        .timeout(timeout).backoff(RESEND)
        .retryingIf(e -> e instanceof SubmitException submit && submit.getStatus().getCode() == Status.Code.UNAVAILABLE)
        .describingFailures(e -> "UNAVAILABLE: " + ((SubmitException) e).getStatus().getDescription())
        .untilRethrowing(() -> Observation.done(transaction.submit(), "committed"));
  }

  /** Runs {@code function} on {@code chaincode} as a query on one peer; nothing is ordered or committed. */
  public byte[] evaluate(String channelName, String chaincode, String function, String... args) {
    String operation = operation("evaluate", channelName, chaincode, function);
    try {
      return contract(channelName, chaincode).evaluateTransaction(function, args);
    } catch (Exception e) {
      throw Failures.of(operation, node, timeout, e);
    }
  }

  /**
   * The events {@code chaincode} emits on {@code channelName}, from block {@code startBlock} on, as
   * their transactions commit; iterating waits for the next one. Close the iterator to stop.
   */
  public CloseableIterator<ChaincodeEvent> chaincodeEvents(String channelName, String chaincode, long startBlock) {
    return gateway.getNetwork(channelName).newChaincodeEventsRequest(chaincode).startBlock(startBlock).build().getEvents();
  }

  /** fabric-gateway's contract, for calls this class does not wrap (transient data, checkpoints). */
  public Contract contract(String channelName, String chaincode) {
    return gateway.getNetwork(channelName).getContract(chaincode);
  }

  /** The chaincode lifecycle of {@code channelName}, as this gateway's identity and org. */
  public Lifecycle lifecycle(String channelName) {
    return new Lifecycle(this, channelName);
  }

  /** fabric-gateway's own gateway; closed with this one. */
  public Gateway gateway() {
    return gateway;
  }

  public FabricIdentity identity() {
    return identity;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  Duration timeout() {
    return timeout;
  }

  String node() {
    return node;
  }

  @Override
  public void close() {
    try {
      gateway.close();
    } catch (RuntimeException e) {
      throw new PlatformException("close gateway to", node, e.getMessage(), e);
    } finally {
      GrpcChannels.close(channel, Duration.ofSeconds(5));
    }
  }

  private static String operation(String verb, String channelName, String chaincode, String function) {
    return verb + " " + function + " of chaincode " + chaincode + " on channel " + channelName + " through";
  }

  @Override
  public String toString() {
    return "FabricGateway[" + endpoint + ", " + identity.mspId() + "]";
  }
}
