package io.chainwright.fabric.channel;

import com.google.protobuf.ByteString;
import io.chainwright.fabric.client.TestPki;
import io.chainwright.fabric.client.TestServers;
import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.common.Status;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.orderer.AtomicBroadcastGrpc;
import org.hyperledger.fabric.protos.orderer.BroadcastResponse;
import org.hyperledger.fabric.protos.orderer.DeliverResponse;
import org.hyperledger.fabric.protos.orderer.SeekInfo;

/**
 * An orderer standing in for a real one (no Fabric binaries here): one channel's blocks, Deliver of
 * a single block by position, and Broadcast of config updates, which it applies by the documented
 * rules and the channel's policies, appending a config block. Every request's signature is checked.
 */
public final class StandInOrderer implements AutoCloseable {
  public final List<Block> blocks = new CopyOnWriteArrayList<>();
  private volatile ConfigGroup current;
  private final String channelId;
  private final Server server;

  public StandInOrderer(TestPki.Issued tls, String channelId, ConfigGroup genesis) throws Exception {
    this.channelId = channelId;
    blocks.add(ChannelGenesis.block(channelId, genesis));
    current = genesis;
    server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            TlsServerCredentials.newBuilder().keyManager(TestServers.keyManagers(tls).getKeyManagers()).build())
        .addService(new Service()).build().start();
  }

  public int port() {
    return server.getPort();
  }

  /** The channel's config as the last config block holds it. */
  public ConfigGroup currentChannelGroup() {
    return current;
  }

  /** The request's payload, when its signature is its creator's. */
  private static Payload verified(Envelope envelope) throws Exception {
    Payload payload = Payload.parseFrom(envelope.getPayload());
    SerializedIdentity creator = SerializedIdentity.parseFrom(SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader()).getCreator());
    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(creator.getIdBytes().toByteArray()));
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(cert);
    verifier.update(envelope.getPayload().toByteArray());
    if (!verifier.verify(envelope.getSignature().toByteArray())) {
      throw new SecurityException("the envelope's signature is not its creator's");
    }
    return payload;
  }

  private final class Service extends AtomicBroadcastGrpc.AtomicBroadcastImplBase {
    @Override
    public StreamObserver<Envelope> deliver(StreamObserver<DeliverResponse> responses) {
      return new StreamObserver<>() {
        @Override
        public void onNext(Envelope request) {
          try {
            Payload payload = verified(request);
            ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            SeekInfo seek = SeekInfo.parseFrom(payload.getData());
            long number = seek.getStart().hasNewest() ? blocks.size() - 1 : seek.getStart().getSpecified().getNumber();
            if (header.getType() != HeaderType.DELIVER_SEEK_INFO_VALUE || !header.getChannelId().equals(channelId) || number >= blocks.size()) {
              responses.onNext(DeliverResponse.newBuilder().setStatus(Status.NOT_FOUND).build());
            } else {
              responses.onNext(DeliverResponse.newBuilder().setBlock(blocks.get((int) number)).build());
              responses.onNext(DeliverResponse.newBuilder().setStatus(Status.SUCCESS).build());
            }
          } catch (Exception e) {
            responses.onNext(DeliverResponse.newBuilder().setStatus(Status.FORBIDDEN).build());
          }
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {
          responses.onCompleted();
        }
      };
    }

    @Override
    public StreamObserver<Envelope> broadcast(StreamObserver<BroadcastResponse> responses) {
      return new StreamObserver<>() {
        @Override
        public void onNext(Envelope request) {
          try {
            Payload payload = verified(request);
            ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            if (header.getType() != HeaderType.CONFIG_UPDATE_VALUE) {
              throw new IllegalArgumentException("only config updates are taken here");
            }
            ConfigUpdateRules.Outcome outcome = ConfigUpdateRules.applySigned(currentChannelGroup(), ConfigUpdateEnvelope.parseFrom(payload.getData()));
            append(outcome.channel());
            responses.onNext(BroadcastResponse.newBuilder().setStatus(Status.SUCCESS).build());
          } catch (Exception e) {
            responses.onNext(BroadcastResponse.newBuilder().setStatus(Status.BAD_REQUEST).setInfo(String.valueOf(e.getMessage())).build());
          }
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {
          responses.onCompleted();
        }
      };
    }
  }

  /** A config block at the next number, naming itself as the last config. */
  private void append(ConfigGroup channel) {
    current = channel;
    long number = blocks.size();
    Block block = ChannelGenesis.block(channelId, channel);
    LastConfig last = LastConfig.newBuilder().setIndex(number).build();
    blocks.add(block.toBuilder().setHeader(BlockHeader.newBuilder(block.getHeader()).setNumber(number))
        .setMetadata(block.getMetadata().toBuilder().setMetadata(BlockMetadataIndex.SIGNATURES_VALUE, Metadata.newBuilder()
            .setValue(OrdererBlockMetadata.newBuilder().setLastConfig(last).build().toByteString()).build().toByteString()))
        .build());
    // An ordinary block after it, so that the last config is not always the newest block.
    blocks.add(Block.newBuilder().setHeader(BlockHeader.newBuilder().setNumber(number + 1))
        .setMetadata(block.getMetadata().toBuilder().setMetadata(BlockMetadataIndex.SIGNATURES_VALUE, Metadata.newBuilder()
            .setValue(OrdererBlockMetadata.newBuilder().setLastConfig(last).build().toByteString()).build().toByteString()))
        .setData(org.hyperledger.fabric.protos.common.BlockData.newBuilder().addData(ByteString.EMPTY)).build());
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
