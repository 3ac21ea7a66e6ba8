package io.chainwright.fabric.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.chainwright.api.PlatformException;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.common.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.common.Status;
import org.hyperledger.fabric.protos.orderer.AtomicBroadcastGrpc;
import org.hyperledger.fabric.protos.orderer.BroadcastResponse;
import org.hyperledger.fabric.protos.orderer.DeliverResponse;
import org.hyperledger.fabric.protos.orderer.SeekInfo;
import org.hyperledger.fabric.protos.orderer.SeekNewest;
import org.hyperledger.fabric.protos.orderer.SeekPosition;
import org.hyperledger.fabric.protos.orderer.SeekSpecified;

/**
 * An orderer's atomic broadcast service, as a channel member: read blocks (Deliver) and the
 * channel's current config, and submit a signed config update (Broadcast). Requests are envelopes
 * signed by the client's identity.
 *
 * <pre>{@code
 * try (OrdererClient orderer = OrdererClient.connect(endpoint, ClientTls.trusting(tlsCa), admin, Duration.ofSeconds(10))) {
 *   Config config = orderer.currentConfig("trade");
 *   orderer.submit(ConfigUpdates.sign(ConfigUpdates.compute("trade", config.getChannelGroup(), changed), admins));
 * }
 * }</pre>
 */
public final class OrdererClient implements AutoCloseable {
  private final FabricIdentity identity;
  private final Duration timeout;
  private final ManagedChannel channel;
  private final String node;

  private OrdererClient(String node, FabricIdentity identity, Duration timeout, ManagedChannel channel) {
    this.identity = identity;
    this.timeout = timeout;
    this.channel = channel;
    this.node = node;
  }

  /** A client for the orderer at {@code endpoint}, signing as {@code identity}; every call gives up after {@code timeout}. */
  public static OrdererClient connect(Endpoint endpoint, ClientTls tls, FabricIdentity identity, Duration timeout) {
    return open(NodeNames.of("orderer", null, endpoint), endpoint, tls, identity, timeout);
  }

  /** As {@link #connect(Endpoint, ClientTls, FabricIdentity, Duration)}, naming the orderer in errors, e.g. {@code orderer0 of ord}. */
  public static OrdererClient connect(String name, Endpoint endpoint, ClientTls tls, FabricIdentity identity, Duration timeout) {
    return open(NodeNames.of("orderer", name, endpoint), endpoint, tls, identity, timeout);
  }

  private static OrdererClient open(String node, Endpoint endpoint, ClientTls tls, FabricIdentity identity, Duration timeout) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(timeout, "timeout");
    return new OrdererClient(node, identity, timeout, GrpcChannels.open(node, endpoint, tls));
  }

  /** The newest block of {@code channelId}. */
  public Block newestBlock(String channelId) {
    return deliver("read the newest block of " + channelId + " from", channelId,
        SeekPosition.newBuilder().setNewest(SeekNewest.getDefaultInstance()).build());
  }

  /** Block {@code number} of {@code channelId}. */
  public Block block(String channelId, long number) {
    return deliver("read block " + number + " of " + channelId + " from", channelId,
        SeekPosition.newBuilder().setSpecified(SeekSpecified.newBuilder().setNumber(number)).build());
  }

  /** The channel's config now: the newest block names the last config block, whose transaction holds it. */
  public Config currentConfig(String channelId) {
    String operation = "read the config of " + channelId + " from";
    Block newest = newestBlock(channelId);
    long index;
    try {
      Metadata signatures = Metadata.parseFrom(newest.getMetadata().getMetadata(BlockMetadataIndex.SIGNATURES_VALUE));
      index = OrdererBlockMetadata.parseFrom(signatures.getValue()).getLastConfig().getIndex();
    } catch (InvalidProtocolBufferException | IndexOutOfBoundsException e) {
      throw new PlatformException(operation, node, "the newest block names no last config block");
    }
    Block configBlock = index == newest.getHeader().getNumber() ? newest : block(channelId, index);
    try {
      Payload payload = Payload.parseFrom(Envelope.parseFrom(configBlock.getData().getData(0)).getPayload());
      return ConfigEnvelope.parseFrom(payload.getData()).getConfig();
    } catch (InvalidProtocolBufferException | IndexOutOfBoundsException e) {
      throw new PlatformException(operation, node, "block " + index + " holds no config");
    }
  }

  /** Submits a config update with its signatures, as a config update transaction signed by this client; returns once the orderer accepts it. */
  public void submit(ConfigUpdateEnvelope update) {
    String channelId;
    try {
      channelId = ConfigUpdate.parseFrom(update.getConfigUpdate()).getChannelId();
    } catch (InvalidProtocolBufferException e) {
      throw new PlatformException("submit a config update to", node, "the envelope holds no readable update");
    }
    String operation = "submit a config update of " + channelId + " to";
    CompletableFuture<BroadcastResponse> answer = new CompletableFuture<>();
    StreamObserver<Envelope> requests = AtomicBroadcastGrpc.newStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .broadcast(firstAnswer(answer));
    requests.onNext(envelope(operation, HeaderType.CONFIG_UPDATE, channelId, update));
    requests.onCompleted();
    BroadcastResponse response = await(operation, answer);
    if (response.getStatus() != Status.SUCCESS) {
      throw new PlatformException(operation, node, response.getStatus() + (response.getInfo().isEmpty() ? "" : ": " + response.getInfo()));
    }
  }

  private Block deliver(String operation, String channelId, SeekPosition position) {
    CompletableFuture<List<DeliverResponse>> answers = new CompletableFuture<>();
    List<DeliverResponse> received = new ArrayList<>();
    StreamObserver<Envelope> requests = AtomicBroadcastGrpc.newStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .deliver(new StreamObserver<>() {
          @Override
          public void onNext(DeliverResponse response) {
            received.add(response);
            if (response.hasStatus()) {
              answers.complete(received);
            }
          }

          @Override
          public void onError(Throwable t) {
            answers.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            answers.complete(received);
          }
        });
    SeekInfo seek = SeekInfo.newBuilder().setStart(position).setStop(position).setBehavior(SeekInfo.SeekBehavior.FAIL_IF_NOT_READY).build();
    requests.onNext(envelope(operation, HeaderType.DELIVER_SEEK_INFO, channelId, seek));
    List<DeliverResponse> responses = await(operation, answers);
    requests.onCompleted();
    Status status = responses.stream().filter(DeliverResponse::hasStatus).map(DeliverResponse::getStatus).findFirst().orElse(Status.UNKNOWN);
    return responses.stream().filter(DeliverResponse::hasBlock).map(DeliverResponse::getBlock).findFirst()
        .filter(b -> status == Status.SUCCESS)
        .orElseThrow(() -> new PlatformException(operation, node, String.valueOf(status)));
  }

  /** A request envelope: the payload with its channel and signature headers, signed by this client. */
  private Envelope envelope(String operation, HeaderType type, String channelId, Message data) {
    SignatureHeader signatureHeader = identity.newSignatureHeader();
    Instant now = Instant.now();
    ChannelHeader header = ChannelHeader.newBuilder().setType(type.getNumber()).setChannelId(channelId)
        .setTxId(Proposals.transactionId(signatureHeader))
        .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano())).build();
    Payload payload = Payload.newBuilder().setHeader(Header.newBuilder().setChannelHeader(header.toByteString())
            .setSignatureHeader(signatureHeader.toByteString()))
        .setData(data.toByteString()).build();
    try {
      byte[] signature = identity.signer().sign(Hash.sha256(payload.toByteArray()));
      return Envelope.newBuilder().setPayload(payload.toByteString()).setSignature(ByteString.copyFrom(signature)).build();
    } catch (GeneralSecurityException e) {
      throw new PlatformException(operation, node, "cannot sign as " + identity.mspId() + ": " + e.getMessage(), e);
    }
  }

  /** Completes {@code answer} with the first message of a stream, or its failure. */
  private static <T> StreamObserver<T> firstAnswer(CompletableFuture<T> answer) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        answer.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        answer.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        answer.completeExceptionally(new IllegalStateException("the orderer closed the stream without an answer"));
      }
    };
  }

  private <T> T await(String operation, CompletableFuture<T> answer) {
    try {
      return answer.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw Failures.of(operation, node, timeout, e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw Failures.of(operation, node, timeout, e);
    }
  }

  @Override
  public void close() {
    GrpcChannels.close(channel, Duration.ofSeconds(2));
  }

  @Override
  public String toString() {
    return "OrdererClient[" + node + " as " + identity.mspId() + "]";
  }
}
