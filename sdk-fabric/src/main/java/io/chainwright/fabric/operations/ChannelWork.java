package io.chainwright.fabric.operations;

import io.chainwright.fabric.Channel;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Orderer;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.channel.ChannelChanges;
import io.chainwright.fabric.channel.ChannelGenesis;
import io.chainwright.fabric.channel.ConfigUpdates;
import io.chainwright.fabric.channel.NodeAddresses;
import io.chainwright.fabric.client.FabricIdentity;
import io.chainwright.fabric.client.OrdererAdmin;
import io.chainwright.fabric.client.OrdererClient;
import io.chainwright.fabric.client.PeerAdmin;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.fabric.crypto.OrgCrypto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigUpdateEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel work of {@link FabricOperations}: creating a channel, changing a running one's
 * configuration, and joining an org's peers. Every call gets the channel timeout, and a node that
 * fails is named by org and name.
 */
final class ChannelWork {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelWork.class);

  private final FabricOperations ops;
  private final FabricNetwork spec;
  private final NetworkCrypto crypto;
  private final NodeAddresses inNetwork;
  private final FabricTimeouts timeouts;

  ChannelWork(FabricOperations ops, FabricNetwork spec, NetworkCrypto crypto, NodeAddresses inNetwork, FabricTimeouts timeouts) {
    this.ops = ops;
    this.spec = spec;
    this.crypto = crypto;
    this.inNetwork = inNetwork;
    this.timeouts = timeouts;
  }

  byte[] create(String channel) {
    Channel definition = spec.channel(channel).orElseThrow(() -> new NoSuchElementException(
        "'" + channel + "' is not a channel of network '" + spec.name() + "'"));
    byte[] genesis = ChannelGenesis.block(spec, channel, crypto, inNetwork).toByteArray();
    for (OrdererOrg org : spec.ordererOrgs()) {
      for (Orderer orderer : org.orderers()) {
        try (OrdererAdmin admin = ops.ordererAdmin(org.name(), orderer.name(), timeouts.channel())) {
          admin.join(genesis);
        }
      }
    }
    List<PeerOrg> members = spec.members(definition);
    for (PeerOrg org : members) {
      for (Peer peer : org.peers()) {
        try (PeerAdmin admin = ops.peerAdmin(org.name(), peer.name(), timeouts.channel())) {
          admin.joinChannel(genesis);
        }
      }
    }
    LOG.info("Channel {} joined by {} orderers and the peers of {}", channel, spec.ordererCount(), members.stream().map(PeerOrg::name).toList());
    return genesis;
  }

  void update(String channel, UnaryOperator<ConfigGroup> change) {
    ConfigGroup current;
    try (OrdererClient reader = firstOrderer(ordererAdmin())) {
      current = reader.currentConfig(channel).getChannelGroup();
    }
    List<FabricIdentity> admins = adminsIn(current);
    ConfigUpdateEnvelope update = ConfigUpdates.sign(ConfigUpdates.compute(channel, current, change.apply(current)), admins);
    try (OrdererClient submitter = firstOrderer(admins.get(0))) {
      submitter.submit(update);
    }
    LOG.info("Channel {} updated, signed by the admins of {}", channel, admins.stream().map(FabricIdentity::mspId).toList());
  }

  void addOrg(String channel, String org) {
    PeerOrg added = ops.peerOrg(org);
    update(channel, current -> ChannelChanges.addOrg(current, added, crypto.org(org), inNetwork));
    joinPeers(channel, org);
  }

  void joinPeers(String channel, String org) {
    byte[] genesis;
    try (OrdererClient client = firstOrderer(ordererAdmin())) {
      genesis = client.block(channel, 0).toByteArray();
    }
    for (Peer peer : ops.peerOrg(org).peers()) {
      try (PeerAdmin admin = ops.peerAdmin(org, peer.name(), timeouts.channel())) {
        admin.joinChannel(genesis);
      }
    }
    LOG.info("The peers of {} joined channel {}", org, channel);
  }

  /** Channel reads and updates go through the first orderer of the first orderer org. */
  private OrdererClient firstOrderer(FabricIdentity as) {
    OrdererOrg org = spec.ordererOrgs().get(0);
    return ops.ordererClient(org.name(), org.orderers().get(0).name(), as, timeouts.channel());
  }

  /** The orderer org is in every channel, so its admin may always read the config. */
  private FabricIdentity ordererAdmin() {
    return ops.identity(spec.ordererOrgs().get(0).name(), OrgCrypto.ADMIN);
  }

  /** The admins of this network's orgs that {@code channel} holds, peer orgs first; there is always the orderer org's. */
  private List<FabricIdentity> adminsIn(ConfigGroup channel) {
    Set<String> members = new HashSet<>();
    for (String section : List.of("Application", "Orderer")) {
      members.addAll(channel.getGroupsOrDefault(section, ConfigGroup.getDefaultInstance()).getGroupsMap().keySet());
    }
    List<FabricIdentity> admins = new ArrayList<>();
    spec.peerOrgs().stream().filter(o -> members.contains(o.mspId())).forEach(o -> admins.add(ops.identity(o.name(), OrgCrypto.ADMIN)));
    spec.ordererOrgs().stream().filter(o -> members.contains(o.mspId())).forEach(o -> admins.add(ops.identity(o.name(), OrgCrypto.ADMIN)));
    return admins;
  }
}
