package io.chainwright.fabric.client;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;

/** Reads what a client needs to know from a config block without trusting it. */
final class ConfigBlocks {
  private ConfigBlocks() {}

  /** The channel a block belongs to, or empty when the bytes are not a block with a channel header. */
  static Optional<String> channelId(byte[] block) {
    try {
      Block parsed = Block.parseFrom(block);
      if (parsed.getData().getDataCount() == 0) {
        return Optional.empty();
      }
      Envelope envelope = Envelope.parseFrom(parsed.getData().getData(0));
      Payload payload = Payload.parseFrom(envelope.getPayload());
      String channel = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getChannelId();
      return channel.isEmpty() ? Optional.empty() : Optional.of(channel);
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }
}
