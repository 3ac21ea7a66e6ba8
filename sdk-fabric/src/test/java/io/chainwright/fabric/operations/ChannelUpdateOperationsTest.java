package io.chainwright.fabric.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.channel.ChannelChanges;
import io.chainwright.fabric.channel.ChannelGenesis;
import io.chainwright.fabric.channel.NodeAddresses;
import io.chainwright.fabric.channel.StandInOrderer;
import io.chainwright.fabric.client.TestPki;
import io.chainwright.fabric.crypto.Identity;
import io.chainwright.fabric.crypto.NetworkCrypto;
import java.time.Duration;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.orderer.BatchTimeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Day-2 changes to a running channel through {@link FabricOperations}, against a stand-in orderer
 * that checks signatures and applies updates by the channel's policies, and stand-in peers: a
 * third org added and its peers joined, and a batch timeout changed.
 */
class ChannelUpdateOperationsTest {
  private static final FabricNetwork NETWORK = FabricNetwork.builder().from(Networks.twoOrgs()).addPeerOrg(Networks.peerOrg(3)).build();
  private NetworkCrypto crypto;
  private StandInNodes peers;
  private StandInOrderer orderer;
  private FabricOperations operations;

  @BeforeEach
  void start() throws Exception {
    crypto = NetworkCrypto.generate(NETWORK);
    peers = StandInNodes.start(NETWORK, crypto);
    String ordererOrg = NETWORK.ordererOrgs().get(0).name();
    Identity tls = crypto.org(ordererOrg).node("orderer0").tls();
    orderer = new StandInOrderer(new TestPki.Issued(tls.certificate(), tls.privateKey()), "trade",
        ChannelGenesis.channelGroup(NETWORK, NETWORK.channel("trade").orElseThrow(), crypto, NodeAddresses.workloads()));
    String orderer0 = NETWORK.ordererOrgs().get(0).workload("orderer0");
    // Only orderer0's broadcast and deliver service is asked here: the orderer that keeps the channel's config.
    peers.ports.put(orderer0, orderer.port());
    operations = FabricOperations.on(peers.deployment(), NETWORK, crypto, NodeAddresses.workloads(), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() throws Exception {
    orderer.close();
    peers.close();
  }

  @Test
  void aThirdOrgIsAddedToTheRunningChannelAndItsPeersJoin() throws Exception {
    operations.addOrgToChannel("trade", "org3");

    assertThat(orderer.currentChannelGroup().getGroupsOrThrow("Application").getGroupsMap())
        .containsOnlyKeys("Org1MSP", "Org2MSP", "Org3MSP");
    var org3 = NETWORK.peerOrg("org3").orElseThrow();
    assertThat(peers.joins).as("only the new org's peers are asked to join")
        .containsExactly(org3.workload("peer0") + " JoinChain", org3.workload("peer1") + " JoinChain");
  }

  @Test
  void anyTypedChangeIsSignedByTheAdminsOfTheOrgsInTheChannel() throws Exception {
    operations.updateChannel("trade", current -> ChannelChanges.batchTimeout(current, "750ms"));

    ConfigGroup ordererGroup = orderer.currentChannelGroup().getGroupsOrThrow("Orderer");
    assertThat(BatchTimeout.parseFrom(ordererGroup.getValuesOrThrow("BatchTimeout").getValue()).getTimeout()).isEqualTo("750ms");
  }
}
