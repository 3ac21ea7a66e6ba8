package io.chainwright.fabric.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.PlatformException;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.client.ClientTls;
import io.chainwright.fabric.client.Endpoint;
import io.chainwright.fabric.client.FabricIdentity;
import io.chainwright.fabric.client.OrdererClient;
import io.chainwright.fabric.client.TestPki;
import io.chainwright.fabric.crypto.MemberCrypto;
import io.chainwright.fabric.crypto.NetworkCrypto;
import java.time.Duration;
import java.util.List;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Adding an org to a running channel, end to end against a stand-in orderer (no Fabric binaries
 * here): read the config over Deliver, change it, compute and sign the update, submit it over
 * Broadcast, read the new config back; and the same update with too few signatures refused with the
 * policy that is not met.
 */
class ChannelUpdateFlowTest {
  private static final FabricNetwork NETWORK = FabricNetwork.builder().from(Networks.twoOrgs()).addPeerOrg(Networks.peerOrg(3)).build();
  private NetworkCrypto crypto;
  private StandInOrderer orderer;
  private OrdererClient client;

  @BeforeEach
  void start() throws Exception {
    crypto = NetworkCrypto.generate(NETWORK);
    TestPki.Issued tlsCa = TestPki.ca("tlsca.example.com");
    orderer = new StandInOrderer(TestPki.leaf(tlsCa, "orderer0", List.of("localhost"), List.of("127.0.0.1")), "trade",
        ChannelGenesis.channelGroup(NETWORK, NETWORK.channel("trade").orElseThrow(), crypto, NodeAddresses.workloads()));
    client = OrdererClient.connect(new Endpoint("127.0.0.1", orderer.port()), ClientTls.trusting(tlsCa.certificate()),
        admin("org1"), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    client.close();
    orderer.close();
  }

  private FabricIdentity admin(String org) {
    MemberCrypto member = crypto.org(org).admin();
    return new FabricIdentity(member.mspId(), member.signing().certificate(), member.signing().privateKey());
  }

  private ConfigGroup withOrg3(ConfigGroup current) {
    PeerOrg org3 = NETWORK.peerOrgs().get(2);
    return ChannelChanges.addOrg(current, org3, crypto.org(org3.name()), NodeAddresses.workloads());
  }

  @Test
  void anOrgIsAddedToARunningChannelWithAMajorityOfItsAdminsSigning() {
    ConfigGroup current = client.currentConfig("trade").getChannelGroup();

    client.submit(ConfigUpdates.sign(ConfigUpdates.compute("trade", current, withOrg3(current)), List.of(admin("org1"), admin("org2"))));

    assertThat(client.currentConfig("trade").getChannelGroup().getGroupsOrThrow("Application").getGroupsMap())
        .containsOnlyKeys("Org1MSP", "Org2MSP", "Org3MSP");
    assertThat(client.newestBlock("trade").getHeader().getNumber()).as("the config block is not the newest").isEqualTo(2);
  }

  @Test
  void tooFewSignaturesAreRefusedNamingThePolicyAndWhoIsMissing() {
    ConfigGroup current = client.currentConfig("trade").getChannelGroup();

    assertThatThrownBy(() -> client.submit(ConfigUpdates.sign(ConfigUpdates.compute("trade", current, withOrg3(current)),
        List.of(admin("org1"))))).isInstanceOf(PlatformException.class)
        .hasMessageContaining("submit a config update of trade to orderer 127.0.0.1:")
        .hasMessageContaining("BAD_REQUEST").hasMessageContaining("/Channel/Application/Admins").hasMessageContaining("still 1 of Org2MSP");
    assertThat(orderer.blocks).hasSize(1);
  }

  @Test
  void aBlockTheChannelDoesNotHaveIsReportedWithTheOrderersStatus() {
    assertThatThrownBy(() -> client.block("trade", 7)).isInstanceOf(PlatformException.class)
        .hasMessageContaining("read block 7 of trade from orderer").hasMessageContaining("NOT_FOUND");
  }
}
