package io.chainwright.fabric.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.PlatformException;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.Networks;
import io.chainwright.fabric.channel.NodeAddresses;
import io.chainwright.fabric.crypto.NetworkCrypto;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.orderer.ConsensusType;
import org.hyperledger.fabric.protos.orderer.etcdraft.ConfigMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A channel created on a deployed network through nothing but the deployment's endpoints, as on
 * any backend, against {@link StandInNodes}: every orderer and member peer is asked to join, with a
 * genesis block that records the in-network addresses, not the ones the SDK reaches the nodes at.
 */
class FabricOperationsTest {
  private static final FabricNetwork NETWORK = Networks.twoOrgs();
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

  @Test
  void aNodesOperationsServiceIsFoundByItsOrgAndName() {
    FabricOperations operations = FabricOperations.on(nodes.deployment(), NETWORK, crypto, NodeAddresses.workloads(), Duration.ofSeconds(10));

    assertThat(operations.operationsEndpoint("org2", "peer1")).hasPath("/" + NETWORK.peerOrg("org2").orElseThrow().workload("peer1"));
    assertThat(operations.operationsEndpoint("ord", "orderer0")).hasPath("/" + NETWORK.ordererOrgs().get(0).workload("orderer0"));
    assertThatThrownBy(() -> operations.operationsEndpoint("org9", "peer0")).hasMessageContaining("'org9' is not an orderer org");
    assertThatThrownBy(() -> operations.workloadOf("org2", "peer9")).hasMessage("'peer9' is not a node of org 'org2' (its nodes: peer0, peer1)");
  }

  @Test
  void everyOrdererAndMemberPeerJoinsWithAGenesisBlockOfInNetworkAddresses() throws Exception {
    FabricOperations operations = FabricOperations.on(nodes.deployment(), NETWORK, crypto, NodeAddresses.workloads(), Duration.ofSeconds(10));

    byte[] genesis = operations.createChannel("trade");

    List<String> expected = new ArrayList<>();
    NETWORK.ordererOrgs().forEach(org -> org.orderers().forEach(o -> expected.add(org.workload(o.name()))));
    NETWORK.peerOrgs().forEach(org -> org.peers().forEach(p -> expected.add(org.workload(p.name()) + " JoinChain")));
    assertThat(nodes.joins).hasSize(7).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(nodes.blocks).as("each orderer got the genesis block").hasSize(3).allSatisfy(body ->
        assertThat(new String(body, StandardCharsets.ISO_8859_1)).contains(new String(genesis, StandardCharsets.ISO_8859_1)));
    Payload payload = Payload.parseFrom(Envelope.parseFrom(Block.parseFrom(genesis).getData().getData(0)).getPayload());
    ConfigMetadata raft = ConfigMetadata.parseFrom(ConsensusType.parseFrom(ConfigEnvelope.parseFrom(payload.getData()).getConfig()
        .getChannelGroup().getGroupsOrThrow("Orderer").getValuesOrThrow("ConsensusType").getValue()).getMetadata());
    assertThat(raft.getConsentersList()).extracting(c -> c.getHost() + ":" + c.getPort())
        .as("the consenters at their in-network addresses").allSatisfy(address -> assertThat(address).doesNotStartWith("127.0.0.1"));
  }

  @Test
  void anOrdererThatIsDownIsNamedByOrgAndNameWithTheCallAndTheAddressTried() throws Exception {
    String orderer1 = NETWORK.ordererOrgs().get(0).workload("orderer1");
    try (ServerSocket vacant = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nodes.ports.put(orderer1, vacant.getLocalPort());
    } // closed: nothing listens there any more
    FabricOperations operations = FabricOperations.on(nodes.deployment(), NETWORK, crypto, NodeAddresses.workloads(), Duration.ofSeconds(10));

    PlatformException e = assertThrows(PlatformException.class, () -> operations.createChannel("trade"));

    assertThat(e.object()).isEqualTo("orderer orderer1 of ord at 127.0.0.1:" + nodes.ports.get(orderer1));
    assertThat(e.getMessage()).startsWith("Failed to join channel").contains("orderer1 of ord").contains("ConnectException");
  }

  @Test
  void joinsWaitForTheChannelTimeoutNotTheCallTimeout() {
    String orderer0 = NETWORK.ordererOrgs().get(0).workload("orderer0");
    nodes.silent.add(orderer0);
    FabricTimeouts timeouts = FabricTimeouts.of(Duration.ofMinutes(5)).withChannel(Duration.ofMillis(500));
    FabricOperations operations = FabricOperations.on(nodes.deployment(), NETWORK, crypto, NodeAddresses.workloads(), timeouts);

    AwaitTimeoutException e = assertThrows(AwaitTimeoutException.class, () -> operations.createChannel("trade"));

    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(e.awaited()).contains("orderer0 of ord");
  }

  @Test
  void everyTimeoutMustBePositiveAndEachWrongOneIsReported() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> new FabricTimeouts(Duration.ofSeconds(1), Duration.ZERO, null, Duration.ofSeconds(-1)));

    assertThat(e.violations()).extracting(Violation::path).containsExactly("channel", "deploy", "call");
  }
}
