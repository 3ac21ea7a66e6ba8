package io.chainwright.fabric.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.PlatformException;
import io.chainwright.fabric.Chaincode;
import io.chainwright.fabric.Channel;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.channel.NodeAddresses;
import io.chainwright.fabric.client.CommittedChaincode;
import io.chainwright.fabric.client.FabricGateway;
import io.chainwright.fabric.crypto.NetworkCrypto;
import io.chainwright.fabric.crypto.OrgCrypto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deploying chaincode brings the channel to the model's definition, doing only what is missing:
 * against {@link StandInNodes}, whose peers keep the lifecycle by Fabric's rules (a second install
 * of a package is refused, a commit needs the next sequence and a majority of approvals).
 */
class ChaincodeDeployOperationsTest {
  private static final FabricNetwork NETWORK = Networks.twoOrgs();
  private static final List<String> PEERS = List.of("peer0 of org1", "peer1 of org1", "peer0 of org2", "peer1 of org2");
  private NetworkCrypto crypto;
  private StandInNodes nodes;

  @BeforeEach
  void start() throws Exception {
    crypto = NetworkCrypto.generate(NETWORK);
    nodes = StandInNodes.start(NETWORK, crypto);
  }

  @AfterEach
  void stop() throws Exception {
    nodes.close();
  }

  private FabricOperations operations(FabricNetwork network) {
    return FabricOperations.on(nodes.deployment(), network, crypto, NodeAddresses.workloads(), Duration.ofSeconds(10));
  }

  /** The network with chaincode {@code asset} changed by {@code change}. */
  private static FabricNetwork withAsset(FabricNetwork network, UnaryOperator<Chaincode> change) {
    return network.withChaincodes(change.apply(network.chaincodes().get(0)));
  }

  private CommittedChaincode committed(FabricNetwork network) {
    try (FabricGateway gateway = operations(network).gateway("org2", OrgCrypto.ADMIN)) {
      return gateway.lifecycle("trade").committed("asset").orElseThrow();
    }
  }

  private static List<String> installs(String packageId) {
    return PEERS.stream().map(peer -> "installed " + packageId + " on " + peer).toList();
  }

  @Test
  void aFirstDeployInstallsOnEveryPeerHasEachOrgApproveAndCommitsSequenceOne() {
    DeployedChaincode asset = operations(NETWORK).deployChaincode("asset", "asset-server:9999");

    List<String> expected = new ArrayList<>(installs(asset.packageId()));
    expected.add(2, "approved by Org1MSP");
    expected.addAll(List.of("approved by Org2MSP", "committed sequence 1 on channel trade"));
    assertThat(asset.changes()).containsExactlyElementsOf(expected);
    assertThat(asset.packageId()).startsWith("asset_1.0:");
    nodes.ports.keySet().stream().filter(w -> w.contains("peer")).forEach(peer ->
        assertThat(nodes.lifecycle.installedOn(peer)).as(peer).containsExactly(asset.packageId()));
    CommittedChaincode committed = committed(NETWORK);
    assertThat(committed.sequence()).isEqualTo(1);
    assertThat(committed.version()).isEqualTo("1.0");
    assertThat(committed.endorsementPolicy().hasSignaturePolicy()).as("the model's AND policy, not the channel default").isTrue();
    assertThat(committed.approvals()).isEqualTo(Map.of("Org1MSP", true, "Org2MSP", true));
  }

  @Test
  void deployingWhatIsAlreadyCommittedChangesNothing() {
    operations(NETWORK).deployChaincode("asset", "asset-server:9999");
    int callsAfterFirst = nodes.lifecycle.calls.size();

    DeployedChaincode again = operations(NETWORK).deployChaincode("asset", "asset-server:9999");

    assertThat(again.changes()).isEmpty();
    assertThat(nodes.lifecycle.calls.subList(callsAfterFirst, nodes.lifecycle.calls.size()))
        .as("only queries the second time").noneMatch(call -> call.contains("Install") || call.contains("Approve") || call.contains("Commit"));
  }

  @Test
  void anUpgradeIsTheNextSequenceWithTheNewPackageOnEveryPeerApprovedByEveryOrgThenCommitted() {
    DeployedChaincode v1 = operations(NETWORK).deployChaincode("asset", "asset-server:9999");
    FabricNetwork upgraded = withAsset(NETWORK, cc -> cc.withVersion("2.0").withSequence(2).withEndorsementPolicy("OR('Org1MSP.peer', 'Org2MSP.peer')"));

    DeployedChaincode v2 = operations(NETWORK).withSpec(upgraded).deployChaincode("asset", "asset-server:9999");

    assertThat(v2.packageId()).startsWith("asset_2.0:").isNotEqualTo(v1.packageId());
    assertThat(v2.changes()).containsAll(installs(v2.packageId()))
        .contains("approved by Org1MSP", "approved by Org2MSP").endsWith("committed sequence 2 on channel trade");
    CommittedChaincode committed = committed(upgraded);
    assertThat(committed.version()).isEqualTo("2.0");
    assertThat(committed.sequence()).isEqualTo(2);
    assertThat(committed.endorsementPolicy().getSignaturePolicy().getRule().getNOutOf().getN()).as("OR: one of two").isEqualTo(1);
  }

  @Test
  void aModelThatChangesTheCommittedDefinitionWithoutTheNextSequenceIsRefusedSayingWhatIsCommitted() {
    operations(NETWORK).deployChaincode("asset", "asset-server:9999");
    int callsAfterFirst = nodes.lifecycle.calls.size();

    PlatformException sameSequence = assertThrows(PlatformException.class, () -> operations(withAsset(NETWORK, cc -> cc.withVersion("1.1")))
        .deployChaincode("asset", "asset-server:9999"));
    PlatformException skipped = assertThrows(PlatformException.class, () -> operations(withAsset(NETWORK, cc -> cc.withSequence(3)))
        .deployChaincode("asset", "asset-server:9999"));

    assertThat(sameSequence.object()).isEqualTo("channel trade");
    assertThat(sameSequence.getMessage()).contains("deploy chaincode asset 1.1 (sequence 1)")
        .contains("sequence 1 is committed with a different definition (version 1.0 -> 1.1); to upgrade, set the chaincode's sequence to 2");
    assertThat(skipped.getMessage()).contains("sequence 1 (version 1.0) is committed; the next definition must be sequence 2");
    assertThat(nodes.lifecycle.calls.subList(callsAfterFirst, nodes.lifecycle.calls.size())).as("refused before anything was changed")
        .noneMatch(call -> call.contains("Install") || call.contains("Approve") || call.contains("Commit"));
  }

  @Test
  void anOrgAddedToTheChannelLaterInstallsAndApprovesTheCommittedDefinitionWithoutANewCommit() {
    UnaryOperator<Chaincode> channelPolicy = cc -> cc.withEndorsementPolicy(Optional.empty());
    FabricNetwork org1Only = withAsset(NETWORK, channelPolicy).withChannels(Channel.builder().name("trade").addMembers("org1").build());
    StandInLifecycle lifecycle = nodes.lifecycle;
    lifecycle.orgLeft("Org2MSP");
    operations(org1Only).deployChaincode("asset", "asset-server:9999");
    lifecycle.orgJoined("Org2MSP"); // as addOrgToChannel would

    DeployedChaincode caughtUp = operations(withAsset(NETWORK, channelPolicy)).deployChaincode("asset", "asset-server:9999");

    assertThat(caughtUp.changes()).containsExactly("installed " + caughtUp.packageId() + " on peer0 of org2",
        "installed " + caughtUp.packageId() + " on peer1 of org2", "approved by Org2MSP");
    assertThat(committed(NETWORK).approvals()).isEqualTo(Map.of("Org1MSP", true, "Org2MSP", true));
    assertThat(committed(NETWORK).sequence()).isEqualTo(1);
  }
}
