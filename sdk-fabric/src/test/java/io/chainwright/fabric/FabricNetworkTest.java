package io.chainwright.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.ModelMapper;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import org.junit.jupiter.api.Test;

/** A network is checked as a whole: every bad reference or unsafe size is reported, with its path. */
class FabricNetworkTest {
  private static ValidationException invalid(Runnable build) {
    try {
      build.run();
    } catch (ValidationException e) {
      return e;
    }
    throw new AssertionError("expected a ValidationException");
  }

  private static FabricNetwork.Builder twoOrgs() {
    return FabricNetwork.builder().from(Networks.twoOrgs());
  }

  @Test
  void aValidNetworkRoundTripsThroughYamlAndJson() {
    FabricNetwork network = Networks.twoOrgs();
    assertThat(ModelMapper.fromYaml(ModelMapper.toYaml(network), FabricNetwork.class)).isEqualTo(network);
    assertThat(ModelMapper.fromJson(ModelMapper.toJson(network), FabricNetwork.class)).isEqualTo(network);
    assertThat(ModelMapper.toYaml(network)).contains("stateDatabase: COUCHDB", "AND('Org1MSP.peer', 'Org2MSP.peer')");
  }

  @Test
  void anEvenNumberOfRaftOrderersIsRefusedInProduction() {
    ValidationException e = invalid(() -> twoOrgs().ordererOrgs(java.util.List.of(Networks.ordererOrg(4))).build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("ordererOrgs");
    assertThat(e.getMessage()).contains("4 orderers", "odd number from 3 to 7");
  }

  @Test
  void aSingleOrdererIsAllowedOnlyInDevnetMode() {
    FabricNetwork.Builder single = twoOrgs().ordererOrgs(java.util.List.of(Networks.ordererOrg(1)));
    assertThat(invalid(single::build).getMessage()).contains("1 orderers", "only in DEVNET mode");
    assertThat(single.mode(NetworkMode.DEVNET).build().ordererCount()).isEqualTo(1);
  }

  @Test
  void moreThanSevenOrderersAreRefusedInEveryMode() {
    FabricNetwork.Builder nine = twoOrgs().ordererOrgs(java.util.List.of(Networks.ordererOrg(9)));
    assertThat(invalid(nine::build).getMessage()).contains("9 orderers");
    assertThat(invalid(nine.mode(NetworkMode.DEVNET)::build).getMessage()).contains("at most 7");
  }

  @Test
  void duplicateMspIdsAreRefusedAcrossOrdererAndPeerOrgs() {
    PeerOrg clash = PeerOrg.builder().from(Networks.peerOrg(3)).mspId("OrdererMSP").build();
    PeerOrg twin = PeerOrg.builder().from(Networks.peerOrg(4)).mspId("Org1MSP").build();
    ValidationException e = invalid(() -> twoOrgs().addPeerOrgs(clash, twin).build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("peerOrgs[org3].mspId", "peerOrgs[org4].mspId");
    assertThat(e.getMessage()).contains("'OrdererMSP' is already the MSP ID of ordererOrgs[ord]",
        "'Org1MSP' is already the MSP ID of peerOrgs[org1]");
  }

  @Test
  void anEndorsementPolicyNamingAnUnknownOrgIsRefused() {
    Chaincode cc = Chaincode.builder().name("asset").channel("trade").endorsementPolicy("OR('Org1MSP.peer', 'Org9MSP.peer')").build();
    ValidationException e = invalid(() -> twoOrgs().chaincodes(java.util.List.of(cc)).build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("chaincodes[asset].endorsementPolicy");
    assertThat(e.getMessage()).contains("'Org9MSP', which is not the MSP ID of a peer org");
  }

  @Test
  void anEndorsementPolicyNamingAnOrgOutsideTheChannelIsRefused() {
    Channel solo = Channel.builder().name("solo").addMember("org1").build();
    Chaincode cc = Chaincode.builder().name("asset").channel("solo").endorsementPolicy("OR('Org1MSP.peer', 'Org2MSP.peer')").build();
    ValidationException e = invalid(() -> twoOrgs().addChannel(solo).chaincodes(java.util.List.of(cc)).build());
    assertThat(e.getMessage()).contains("'Org2MSP', which is not a member of channel 'solo'");
  }

  @Test
  void anEndorsementPolicyThatDoesNotParseSaysWhere() {
    ValidationException e = invalid(() -> Chaincode.builder().name("asset").channel("trade").endorsementPolicy("OR('Org1MSP.peer' 'Org2MSP.peer')").build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("chaincodes[asset].endorsementPolicy");
    assertThat(e.getMessage()).contains("expected ')' but found ''' at position 19");
  }

  @Test
  void aChaincodeWithoutAChannelIsRefused() {
    ValidationException e = invalid(() -> Chaincode.builder().name("asset").build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("chaincodes[asset].channel");
  }

  @Test
  void aChaincodeOnAnUnknownChannelIsRefused() {
    Chaincode cc = Chaincode.builder().name("asset").channel("nowhere").build();
    ValidationException e = invalid(() -> twoOrgs().chaincodes(java.util.List.of(cc)).build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("chaincodes[asset].channel");
    assertThat(e.getMessage()).contains("'nowhere' is not a channel of this network (channels: [trade])");
  }

  @Test
  void aPeerOrgWithoutPeersIsRefused() {
    ValidationException e = invalid(() -> PeerOrg.builder().name("org1").mspId("Org1MSP").domain("org1.example.com").build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("peerOrgs[org1].peers");
  }

  @Test
  void anAnchorPeerMustBeAPeerOfItsOrg() {
    ValidationException e = invalid(() -> PeerOrg.builder().from(Networks.peerOrg(1)).addAnchorPeer("peer7").build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("peerOrgs[org1].anchorPeers[peer7]");
    assertThat(e.getMessage()).contains("'peer7' is not a peer of this org (peers: [peer0, peer1])");
  }

  @Test
  void namesAreCheckedNotRewritten() {
    ValidationException e = invalid(() -> PeerOrg.builder().name("Org_1").mspId("Org 1").domain("Org1.example.com")
        .addPeer(Peer.of("Peer0")).build());
    assertThat(e.violations()).extracting(Violation::path).contains("peers[Peer0].name");
    ValidationException org = invalid(() -> PeerOrg.builder().name("Org_1").mspId("Org 1").domain("Org1.example.com")
        .addPeer(Peer.of("peer0")).build());
    assertThat(org.violations()).extracting(Violation::path)
        .containsExactly("peerOrgs[Org_1].name", "peerOrgs[Org_1].mspId", "peerOrgs[Org_1].domain");
  }

  @Test
  void channelMembersMustBePeerOrgs() {
    Channel channel = Channel.builder().name("other").addMembers("org1", "ord", "ghost").build();
    ValidationException e = invalid(() -> twoOrgs().addChannel(channel).build());
    assertThat(e.violations()).extracting(Violation::path)
        .containsExactly("channels[other].members[ord]", "channels[other].members[ghost]");
  }

  @Test
  void everyProblemOfANetworkIsReportedAtOnce() {
    Chaincode cc = Chaincode.builder().name("asset").channel("nowhere").endorsementPolicy("OR('Nobody.peer')").build();
    PeerOrg twin = PeerOrg.builder().from(Networks.peerOrg(3)).mspId("Org1MSP").build();
    ValidationException e = invalid(() -> twoOrgs().ordererOrgs(java.util.List.of(Networks.ordererOrg(2)))
        .addPeerOrg(twin).chaincodes(java.util.List.of(cc)).build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly(
        "peerOrgs[org3].mspId", "ordererOrgs", "chaincodes[asset].channel", "chaincodes[asset].endorsementPolicy");
  }

  @Test
  void clashingPortsOnOneNodeAreRefused() {
    ValidationException e = invalid(() -> Peer.builder().name("peer0").chaincodePort(7051).build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("peers[peer0].chaincodePort");
  }

  @Test
  void batchSettingsAndCapabilitiesAreChecked() {
    ValidationException e = invalid(() -> Channel.builder().name("c").addMember("org1").batchTimeout("2 seconds")
        .preferredMaxBytes(200 * 1024 * 1024).applicationCapability("2.0").build());
    assertThat(e.violations()).extracting(Violation::path)
        .containsExactly("channels[c].preferredMaxBytes", "channels[c].batchTimeout", "channels[c].applicationCapability");
  }

  @Test
  void caSettingsAreChecked() {
    ValidationException e = invalid(() -> Ca.builder().operationsPort(7054).storage("lots").build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("ca.operationsPort", "ca.storage");
    assertThat(Networks.peerOrg(1).ca()).isEqualTo(Ca.defaults());
  }

  @Test
  void channelNamesStartWithALetterAndBatchesTimeOut() {
    ValidationException e = invalid(() -> Channel.builder().name("1st").addMember("org1").batchTimeout("0s").build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("channels[1st].name", "channels[1st].batchTimeout");
  }

  @Test
  void theJavadocExampleBuilds() {
    // Kept in step with the example in FabricNetwork's Javadoc.
    FabricNetwork network = FabricNetwork.builder()
        .name("trade")
        .addOrdererOrg(OrdererOrg.builder().name("ord").mspId("OrdererMSP").domain("example.com")
            .addOrderers(Orderer.of("orderer0"), Orderer.of("orderer1"), Orderer.of("orderer2")).build())
        .addPeerOrg(PeerOrg.builder().name("org1").mspId("Org1MSP").domain("org1.example.com")
            .addPeer(Peer.of("peer0")).addAnchorPeer("peer0").build())
        .addChannel(Channel.builder().name("trade").addMember("org1").build())
        .addChaincode(Chaincode.builder().name("asset").channel("trade")
            .endorsementPolicy("OR('Org1MSP.peer')").build())
        .build();
    assertThat(network.ordererCount()).isEqualTo(3);
    assertThat(network.members(network.channel("trade").orElseThrow())).extracting(PeerOrg::mspId).containsExactly("Org1MSP");
    assertThat(network.peerOrg("org1").orElseThrow().host("peer0")).isEqualTo("peer0.org1.example.com");
  }
}
