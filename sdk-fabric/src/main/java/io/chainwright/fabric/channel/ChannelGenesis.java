package io.chainwright.fabric.channel;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.chainwright.api.Digests;
import io.chainwright.api.UsageException;
import io.chainwright.fabric.Channel;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Orderer;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.fabric.crypto.OrgCrypto;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockDataHashingStructure;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HashingAlgorithm;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.orderer.BatchSize;
import org.hyperledger.fabric.protos.orderer.BatchTimeout;
import org.hyperledger.fabric.protos.orderer.ChannelRestrictions;
import org.hyperledger.fabric.protos.orderer.ConsensusType;
import org.hyperledger.fabric.protos.orderer.etcdraft.ConfigMetadata;
import org.hyperledger.fabric.protos.orderer.etcdraft.Consenter;
import org.hyperledger.fabric.protos.orderer.etcdraft.Options;

/**
 * The genesis block of an application channel, as {@code configtxgen -outputBlock} makes it for an
 * etcdraft ordering service without a system channel: every orderer of the network is a consenter,
 * the channel's member orgs form the application group. Orderers join it through the channel
 * participation API; peers join it with the same block.
 *
 * <pre>{@code
 * Block genesis = ChannelGenesis.block(network, "trade", NetworkCrypto.generate(network));
 * byte[] forOsnadmin = genesis.toByteArray();
 * }</pre>
 */
public final class ChannelGenesis {
  /** The message version configtxgen writes in a config transaction's channel header. */
  private static final int CONFIG_MSG_VERSION = 1;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ChannelGenesis() {}

  /**
   * The genesis block of {@code channel}, a channel of {@code network}, with certificates from
   * {@code crypto}, naming orderers and anchor peers by their workloads ({@link NodeAddresses#workloads()}).
   */
  public static Block block(FabricNetwork network, String channel, NetworkCrypto crypto) {
    return block(network, channel, crypto, NodeAddresses.workloads());
  }

  /** As {@link #block(FabricNetwork, String, NetworkCrypto)}, with orderers and anchor peers at {@code addresses}. */
  public static Block block(FabricNetwork network, String channel, NetworkCrypto crypto, NodeAddresses addresses) {
    Channel spec = network.channel(channel).orElseThrow(() -> new UsageException(
        "'" + channel + "' is not a channel of network '" + network.name() + "'"));
    return block(channel, channelGroup(network, spec, crypto, addresses));
  }

  /** The channel's whole config tree: the {@code Channel} group with its {@code Orderer} and {@code Application} groups. */
  public static ConfigGroup channelGroup(FabricNetwork network, Channel channel, NetworkCrypto crypto, NodeAddresses addresses) {
    ConfigGroup.Builder group = ConfigGroup.newBuilder().setModPolicy(ConfigItems.ADMINS);
    ConfigItems.readersWritersAdmins(group);
    ConfigItems.value(group, "HashingAlgorithm", HashingAlgorithm.newBuilder().setName("SHA256").build());
    // Width 2^32-1 is the one width Fabric supports: all data in one hash.
    ConfigItems.value(group, "BlockDataHashingStructure", BlockDataHashingStructure.newBuilder().setWidth(0xFFFFFFFF).build());
    ConfigItems.capabilities(group, channel.channelCapability());
    group.putGroups("Orderer", ordererGroup(network, channel, crypto, addresses));
    group.putGroups("Application", applicationGroup(network, channel, crypto, addresses));
    return group.build();
  }

  private static ConfigGroup ordererGroup(FabricNetwork network, Channel channel, NetworkCrypto crypto, NodeAddresses addresses) {
    ConfigGroup.Builder group = ConfigGroup.newBuilder().setModPolicy(ConfigItems.ADMINS);
    ConfigItems.readersWritersAdmins(group);
    ConfigItems.implicitMeta(group, "BlockValidation", ImplicitMetaPolicy.Rule.ANY, ConfigItems.WRITERS);
    ConfigItems.value(group, "BatchSize", BatchSize.newBuilder()
        .setMaxMessageCount(channel.maxMessageCount())
        .setAbsoluteMaxBytes(channel.absoluteMaxBytes())
        .setPreferredMaxBytes(channel.preferredMaxBytes()).build());
    ConfigItems.value(group, "BatchTimeout", BatchTimeout.newBuilder().setTimeout(channel.batchTimeout()).build());
    ConfigItems.value(group, "ChannelRestrictions", ChannelRestrictions.getDefaultInstance());
    ConfigItems.capabilities(group, channel.ordererCapability());
    ConfigMetadata.Builder raft = ConfigMetadata.newBuilder().setOptions(Options.newBuilder()
        .setTickInterval("500ms").setElectionTick(10).setHeartbeatTick(1)
        .setMaxInflightBlocks(5).setSnapshotIntervalSize(16 * 1024 * 1024));
    for (OrdererOrg org : network.ordererOrgs()) {
      OrgCrypto orgCrypto = crypto.org(org.name());
      for (Orderer o : org.orderers()) {
        ByteString tls = OrgGroups.pem(orgCrypto.node(o.name()).tls().certificatePem());
        HostPort address = HostPort.parse(addresses.of(org, o.name(), o.port()));
        raft.addConsenters(Consenter.newBuilder().setHost(address.host()).setPort(address.port())
            .setClientTlsCert(tls).setServerTlsCert(tls));
      }
      group.putGroups(org.mspId(), OrgGroups.orderer(org, orgCrypto, addresses));
    }
    ConfigItems.value(group, "ConsensusType", ConsensusType.newBuilder().setType("etcdraft")
        .setMetadata(raft.build().toByteString()).setState(ConsensusType.State.STATE_NORMAL).build());
    return group.build();
  }

  private static ConfigGroup applicationGroup(FabricNetwork network, Channel channel, NetworkCrypto crypto, NodeAddresses addresses) {
    ConfigGroup.Builder group = ConfigGroup.newBuilder().setModPolicy(ConfigItems.ADMINS);
    ConfigItems.readersWritersAdmins(group);
    ConfigItems.implicitMeta(group, "LifecycleEndorsement", ImplicitMetaPolicy.Rule.MAJORITY, ConfigItems.ENDORSEMENT);
    ConfigItems.implicitMeta(group, ConfigItems.ENDORSEMENT, ImplicitMetaPolicy.Rule.MAJORITY, ConfigItems.ENDORSEMENT);
    ConfigItems.capabilities(group, channel.applicationCapability());
    for (PeerOrg org : network.members(channel)) {
      group.putGroups(org.mspId(), OrgGroups.peer(org, crypto.org(org.name()), addresses));
    }
    return group.build();
  }

  /** Block 0 holding one unsigned config transaction with {@code channelGroup}, as configtxgen writes it. */
  static Block block(String channelId, ConfigGroup channelGroup) {
    byte[] nonce = new byte[24];
    RANDOM.nextBytes(nonce);
    ChannelHeader channelHeader = ChannelHeader.newBuilder()
        .setType(HeaderType.CONFIG_VALUE)
        .setVersion(CONFIG_MSG_VERSION)
        .setChannelId(channelId)
        .setTxId(Digests.sha256Hex(nonce))
        .setTimestamp(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()))
        .build();
    Payload payload = Payload.newBuilder()
        .setHeader(Header.newBuilder()
            .setChannelHeader(channelHeader.toByteString())
            .setSignatureHeader(SignatureHeader.newBuilder().setNonce(ByteString.copyFrom(nonce)).build().toByteString()))
        .setData(ConfigEnvelope.newBuilder().setConfig(Config.newBuilder().setChannelGroup(channelGroup)).build().toByteString())
        .build();
    ByteString envelope = Envelope.newBuilder().setPayload(payload.toByteString()).build().toByteString();
    BlockData data = BlockData.newBuilder().addData(envelope).build();

    LastConfig lastConfig = LastConfig.newBuilder().setIndex(0).build();
    BlockMetadata.Builder metadata = BlockMetadata.newBuilder();
    for (int i = 0; i < BlockMetadataIndex.values().length - 1; i++) { // every index but UNRECOGNIZED
      metadata.addMetadata(ByteString.EMPTY);
    }
    metadata.setMetadata(BlockMetadataIndex.SIGNATURES_VALUE, Metadata.newBuilder()
        .setValue(OrdererBlockMetadata.newBuilder().setLastConfig(lastConfig).build().toByteString()).build().toByteString());
    metadata.setMetadata(BlockMetadataIndex.LAST_CONFIG_VALUE, Metadata.newBuilder()
        .setValue(lastConfig.toByteString()).build().toByteString());

    return Block.newBuilder()
        .setHeader(BlockHeader.newBuilder().setNumber(0).setDataHash(ByteString.copyFrom(dataHash(data))))
        .setData(data)
        .setMetadata(metadata)
        .build();
  }

  /** A block's data hash: SHA-256 over its transactions' bytes, concatenated. */
  static byte[] dataHash(BlockData data) {
    MessageDigest digest = Digests.sha256();
    data.getDataList().forEach(d -> digest.update(d.toByteArray()));
    return digest.digest();
  }
}
