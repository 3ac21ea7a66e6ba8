package io.chainwright.fabric.channel;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.chainwright.api.UsageException;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.client.Endpoint;
import io.chainwright.fabric.crypto.OrgCrypto;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.orderer.BatchSize;
import org.hyperledger.fabric.protos.orderer.BatchTimeout;
import org.hyperledger.fabric.protos.orderer.ConsensusType;
import org.hyperledger.fabric.protos.orderer.etcdraft.ConfigMetadata;
import org.hyperledger.fabric.protos.orderer.etcdraft.Consenter;
import org.hyperledger.fabric.protos.peer.AnchorPeer;
import org.hyperledger.fabric.protos.peer.AnchorPeers;

/**
 * Typed changes to a channel's config (its root group), each giving the changed config for
 * {@link ConfigUpdates#compute}: add or remove an application org, set an org's anchor peers, the
 * batch size and timeout, and replace a Raft consenter (rotating an orderer's TLS certificate, one
 * orderer at a time so that the others keep quorum).
 */
public final class ChannelChanges {
  private static final String APPLICATION = "Application";
  private static final String ORDERER = "Orderer";

  private ChannelChanges() {}

  /** {@code org} joins the application orgs, with its MSP from {@code crypto} and its anchor peers at {@code addresses}. */
  public static ConfigGroup addOrg(ConfigGroup channel, PeerOrg org, OrgCrypto crypto, NodeAddresses addresses) {
    ConfigGroup application = group(channel, APPLICATION);
    if (application.containsGroups(org.mspId())) {
      throw new UsageException("add " + org.mspId() + " to the channel: it is a member already");
    }
    return channel.toBuilder().putGroups(APPLICATION, application.toBuilder().putGroups(org.mspId(), OrgGroups.peer(org, crypto, addresses)).build())
        .build();
  }

  /** The org whose MSP is {@code mspId} leaves the application orgs. */
  public static ConfigGroup removeOrg(ConfigGroup channel, String mspId) {
    ConfigGroup application = group(channel, APPLICATION);
    if (!application.containsGroups(mspId)) {
      throw new UsageException("remove " + mspId + " from the channel: it is not a member (members: " + application.getGroupsMap().keySet() + ")");
    }
    return channel.toBuilder().putGroups(APPLICATION, application.toBuilder().removeGroups(mspId).build()).build();
  }

  /** The anchor peers of the application org {@code mspId}, as host:port addresses other orgs' peers can reach. */
  public static ConfigGroup anchorPeers(ConfigGroup channel, String mspId, List<Endpoint> peers) {
    ConfigGroup application = group(channel, APPLICATION);
    ConfigGroup org = application.getGroupsMap().get(mspId);
    if (org == null) {
      throw new UsageException("set the anchor peers of " + mspId + ": it is not a member of the channel");
    }
    AnchorPeers.Builder anchors = AnchorPeers.newBuilder();
    peers.forEach(p -> anchors.addAnchorPeers(AnchorPeer.newBuilder().setHost(p.host()).setPort(p.port())));
    ConfigGroup changed = peers.isEmpty() ? org.toBuilder().removeValues("AnchorPeers").build()
        : org.toBuilder().putValues("AnchorPeers", value(org, "AnchorPeers", anchors.build())).build();
    return channel.toBuilder().putGroups(APPLICATION, application.toBuilder().putGroups(mspId, changed).build()).build();
  }

  /** How many transactions a block holds at most, and how large it may grow. */
  public static ConfigGroup batchSize(ConfigGroup channel, int maxMessageCount, int absoluteMaxBytes, int preferredMaxBytes) {
    if (maxMessageCount < 1 || preferredMaxBytes < 1 || preferredMaxBytes > absoluteMaxBytes) {
      throw new UsageException("set the batch size: give at least one message and preferred bytes between 1 and the absolute maximum ("
          + maxMessageCount + ", " + preferredMaxBytes + " of " + absoluteMaxBytes + ")");
    }
    return orderer(channel, o -> o.toBuilder().putValues("BatchSize", value(o, "BatchSize", BatchSize.newBuilder()
        .setMaxMessageCount(maxMessageCount).setAbsoluteMaxBytes(absoluteMaxBytes).setPreferredMaxBytes(preferredMaxBytes).build())).build());
  }

  /** How long the orderer waits for more transactions before it cuts a block, e.g. {@code 250ms} or {@code 2s}. */
  public static ConfigGroup batchTimeout(ConfigGroup channel, String timeout) {
    if (timeout == null || !timeout.matches("\\d+(\\.\\d+)?(ms|s|m)")) {
      throw new UsageException("set the batch timeout: '" + timeout + "' is not a duration such as 250ms or 2s");
    }
    return orderer(channel, o -> o.toBuilder().putValues("BatchTimeout", value(o, "BatchTimeout",
        BatchTimeout.newBuilder().setTimeout(timeout).build())).build());
  }

  /**
   * The Raft consenter at {@code host:port} with a new TLS certificate (PEM), the same for client
   * and server, as the consenters are written; one at a time, so that the others keep quorum.
   */
  public static ConfigGroup replaceConsenter(ConfigGroup channel, Endpoint consenter, String tlsCertificatePem) {
    return orderer(channel, o -> {
      ConsensusType type = parse(o, "ConsensusType", ConsensusType.parser());
      ConfigMetadata raft;
      try {
        raft = ConfigMetadata.parseFrom(type.getMetadata());
      } catch (InvalidProtocolBufferException e) {
        throw new UsageException("replace consenter " + consenter + ": the channel's consensus metadata is not Raft's", e);
      }
      ConfigMetadata.Builder changed = raft.toBuilder().clearConsenters();
      boolean found = false;
      ByteString tls = ByteString.copyFromUtf8(tlsCertificatePem);
      for (Consenter c : raft.getConsentersList()) {
        boolean match = c.getHost().equals(consenter.host()) && c.getPort() == consenter.port();
        found |= match;
        changed.addConsenters(match ? c.toBuilder().setClientTlsCert(tls).setServerTlsCert(tls).build() : c);
      }
      if (!found) {
        throw new UsageException("replace consenter " + consenter + ": the channel has no such consenter");
      }
      return o.toBuilder().putValues("ConsensusType", value(o, "ConsensusType",
          type.toBuilder().setMetadata(changed.build().toByteString()).build())).build();
    });
  }

  private static ConfigGroup orderer(ConfigGroup channel, UnaryOperator<ConfigGroup> change) {
    return channel.toBuilder().putGroups(ORDERER, change.apply(group(channel, ORDERER))).build();
  }

  private static ConfigGroup group(ConfigGroup channel, String name) {
    ConfigGroup group = channel.getGroupsMap().get(name);
    if (group == null) {
      throw new UsageException("change the channel config: it has no " + name + " group");
    }
    return group;
  }

  /** The value {@code key} of {@code group} with new contents, keeping its mod policy (the group's admins for a new one). */
  private static ConfigValue value(ConfigGroup group, String key, Message contents) {
    ConfigValue current = group.getValuesMap().get(key);
    String modPolicy = current == null ? ConfigItems.ADMINS : current.getModPolicy();
    return ConfigValue.newBuilder().setModPolicy(modPolicy).setVersion(current == null ? 0 : current.getVersion())
        .setValue(contents.toByteString()).build();
  }

  private static <T> T parse(ConfigGroup group, String key, com.google.protobuf.Parser<T> parser) {
    ConfigValue value = group.getValuesMap().get(key);
    if (value == null) {
      throw new UsageException("change the channel config: the orderer group has no " + key);
    }
    try {
      return parser.parseFrom(value.getValue());
    } catch (InvalidProtocolBufferException e) {
      throw new UsageException("change the channel config: its " + key + " cannot be read", e);
    }
  }
}
