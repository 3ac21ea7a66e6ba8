package io.chainwright.fabric.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.UsageException;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.client.Endpoint;
import io.chainwright.fabric.crypto.NetworkCrypto;
import java.util.List;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.orderer.BatchSize;
import org.hyperledger.fabric.protos.orderer.BatchTimeout;
import org.hyperledger.fabric.protos.orderer.ConsensusType;
import org.hyperledger.fabric.protos.orderer.etcdraft.ConfigMetadata;
import org.hyperledger.fabric.protos.orderer.etcdraft.Consenter;
import org.hyperledger.fabric.protos.peer.AnchorPeers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each typed change, computed into an update and applied by the orderer's documented rules, lands as asked and needs the right admins. */
class ChannelChangesTest {
  private static final FabricNetwork NETWORK = FabricNetwork.builder().from(Networks.twoOrgs()).addPeerOrg(Networks.peerOrg(3)).build();
  private static NetworkCrypto crypto;
  private static ConfigGroup trade;

  @BeforeAll
  static void generate() {
    crypto = NetworkCrypto.generate(NETWORK);
    trade = ChannelGenesis.channelGroup(NETWORK, NETWORK.channel("trade").orElseThrow(), crypto, NodeAddresses.workloads());
  }

  private static ConfigUpdateRules.Outcome applied(ConfigGroup changed) {
    return ConfigUpdateRules.apply(trade, ConfigUpdates.compute("trade", trade, changed));
  }

  @Test
  void anOrgAddedAndOneRemovedNeedTheApplicationAdmins() {
    PeerOrg org3 = NETWORK.peerOrgs().get(2);
    ConfigUpdateRules.Outcome added = applied(ChannelChanges.addOrg(trade, org3, crypto.org(org3.name()), NodeAddresses.workloads()));
    ConfigUpdateRules.Outcome removed = applied(ChannelChanges.removeOrg(trade, "Org2MSP"));

    assertThat(added.channel().getGroupsOrThrow("Application").getGroupsMap()).containsOnlyKeys("Org1MSP", "Org2MSP", "Org3MSP");
    assertThat(added.policiesToSatisfy()).containsExactly("/Channel/Application/Admins");
    assertThat(removed.channel().getGroupsOrThrow("Application").getGroupsMap()).containsOnlyKeys("Org1MSP");
    assertThatThrownBy(() -> ChannelChanges.removeOrg(trade, "Org9MSP")).isInstanceOf(UsageException.class).hasMessageContaining("not a member");
    assertThatThrownBy(() -> ChannelChanges.addOrg(trade, NETWORK.peerOrgs().get(0), crypto.org("org1"), NodeAddresses.workloads()))
        .hasMessageContaining("a member already");
  }

  @Test
  void anOrgsAnchorPeersAreItsOwnAdminsToChange() throws Exception {
    ConfigUpdateRules.Outcome outcome = applied(ChannelChanges.anchorPeers(trade, "Org1MSP", List.of(new Endpoint("peer1.org1.example.org", 7051))));

    AnchorPeers anchors = AnchorPeers.parseFrom(outcome.channel().getGroupsOrThrow("Application").getGroupsOrThrow("Org1MSP")
        .getValuesOrThrow("AnchorPeers").getValue());
    assertThat(anchors.getAnchorPeersList()).singleElement().satisfies(a -> {
      assertThat(a.getHost()).isEqualTo("peer1.org1.example.org");
      assertThat(a.getPort()).isEqualTo(7051);
    });
    assertThat(outcome.policiesToSatisfy()).containsExactly("/Channel/Application/Org1MSP/Admins");
  }

  @Test
  void batchSizeAndTimeoutAreTheOrdererAdminsToChangeAndNonsenseIsRefused() throws Exception {
    ConfigUpdateRules.Outcome size = applied(ChannelChanges.batchSize(trade, 20, 10 * 1024 * 1024, 1024 * 1024));
    ConfigUpdateRules.Outcome timeout = applied(ChannelChanges.batchTimeout(trade, "500ms"));

    assertThat(BatchSize.parseFrom(size.channel().getGroupsOrThrow("Orderer").getValuesOrThrow("BatchSize").getValue()).getMaxMessageCount())
        .isEqualTo(20);
    assertThat(BatchTimeout.parseFrom(timeout.channel().getGroupsOrThrow("Orderer").getValuesOrThrow("BatchTimeout").getValue()).getTimeout())
        .isEqualTo("500ms");
    assertThat(size.policiesToSatisfy()).containsExactly("/Channel/Orderer/Admins");
    assertThatThrownBy(() -> ChannelChanges.batchTimeout(trade, "soon")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> ChannelChanges.batchSize(trade, 10, 100, 200)).hasMessageContaining("between 1 and the absolute maximum");
  }

  @Test
  void aConsentersTlsCertificateIsReplacedAndTheOthersKept() throws Exception {
    ConfigMetadata before = raft(trade);
    Consenter first = before.getConsenters(0);
    String rotated = crypto.org("ord").issueTls("orderer0-rotated", List.of(first.getHost())).certificatePem();

    ConfigUpdateRules.Outcome outcome = applied(ChannelChanges.replaceConsenter(trade, new Endpoint(first.getHost(), first.getPort()), rotated));

    ConfigMetadata after = raft(outcome.channel());
    assertThat(after.getConsenters(0).getServerTlsCert().toStringUtf8()).isEqualTo(rotated);
    assertThat(after.getConsentersList().subList(1, after.getConsentersCount())).isEqualTo(before.getConsentersList().subList(1, before.getConsentersCount()));
    assertThat(outcome.policiesToSatisfy()).containsExactly("/Channel/Orderer/Admins");
    assertThatThrownBy(() -> ChannelChanges.replaceConsenter(trade, new Endpoint("nowhere", 1), rotated)).hasMessageContaining("no such consenter");
  }

  private static ConfigMetadata raft(ConfigGroup channel) throws Exception {
    return ConfigMetadata.parseFrom(ConsensusType.parseFrom(channel.getGroupsOrThrow("Orderer").getValuesOrThrow("ConsensusType").getValue()).getMetadata());
  }
}
