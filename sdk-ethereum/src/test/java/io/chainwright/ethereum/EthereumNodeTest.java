package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.DependencyCondition;
import io.chainwright.api.Image;
import io.chainwright.api.ModelMapper;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Secret;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.policy.Flows;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.TrafficPeer;
import io.chainwright.api.probe.HttpCheck;
import io.chainwright.api.probe.JsonRpcCheck;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.common.RpcAccess;
import io.chainwright.ethereum.common.StorageMode;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A node compiles into a wired EL+CL pair with its own secret, and refuses unsafe or incomplete specs. */
class EthereumNodeTest {
  private static String jwtHex(Network network) {
    Secret jwt = network.secrets().get(0);
    return new String(jwt.data().get("jwt.hex").resolve(), StandardCharsets.US_ASCII);
  }

  private static ValidationException invalid(Runnable build) {
    try {
      build.run();
    } catch (ValidationException e) {
      return e;
    }
    throw new AssertionError("expected a ValidationException");
  }

  @Test
  void compilesIntoTwoStatefulWorkloadsSharingOneJwtSecret() {
    Network network = Nodes.gethLighthouse().toNetwork();
    assertThat(network.workloads()).extracting(Workload::name).containsExactly("node-geth", "node-lighthouse");
    assertThat(network.secrets()).extracting(Secret::name).containsExactly("node-jwt");
    for (Workload w : network.workloads()) {
      assertThat(w.volume("jwt")).isPresent();
      assertThat(w.containers().get(0).mounts()).anySatisfy(m -> {
        assertThat(m.path()).isEqualTo("/secrets/jwt");
        assertThat(m.readOnly()).isTrue();
      });
    }
  }

  @Test
  void theJwtIsThirtyTwoRandomBytesInHex() {
    String hex = jwtHex(Nodes.gethLighthouse().toNetwork());
    assertThat(HexFormat.of().parseHex(hex)).hasSize(32);
  }

  @Test
  void noTwoNodesShareAJwt() {
    Network.Builder both = Network.builder().name("pool");
    Nodes.gethLighthouse().addTo(both);
    Nodes.mainnet(ExecutionClient.BESU, ConsensusClient.TEKU).name("second").build().addTo(both);
    Network network = both.build();
    assertThat(network.secrets()).hasSize(2);
    assertThat(network.secrets().get(0).data().get("jwt.hex"))
        .isNotEqualTo(network.secrets().get(1).data().get("jwt.hex"));
    assertThat(jwtHex(Nodes.gethLighthouse().toNetwork())).isNotEqualTo(jwtHex(Nodes.gethLighthouse().toNetwork()));
  }

  @Test
  void theJwtNeverAppearsInToStringOrModelYaml() {
    Network network = Nodes.gethLighthouse().toNetwork();
    String hex = jwtHex(network);
    assertThat(network.toString()).doesNotContain(hex);
    assertThat(network.secrets().get(0).toString()).doesNotContain(hex);
    assertThat(ModelMapper.toYaml(network)).doesNotContain(hex);
    assertThat(ModelMapper.toJson(network)).doesNotContain(hex);
  }

  @Test
  void theEngineApiIsInternalOnlyAndCannotBeExposed() {
    Workload el = Nodes.gethLighthouse().toNetwork().workloads().get(0);
    Port engine = el.port("engine").orElseThrow();
    assertThat(engine.internalOnly()).isTrue();
    assertThatThrownBy(() -> engine.withExposure(Exposure.loadBalancer()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("internal-only");
  }

  @Test
  void probesFollowSyncState() {
    Network network = Nodes.gethLighthouse().toNetwork();
    var el = network.workloads().get(0).containers().get(0);
    assertThat(el.readiness().orElseThrow().check()).isInstanceOfSatisfying(JsonRpcCheck.class, c -> {
      assertThat(c.method()).isEqualTo("eth_syncing");
      assertThat(c.expect().value()).contains("false");
      assertThat(c.port()).contains("rpc");
    });
    var cl = network.workloads().get(1).containers().get(0);
    assertThat(cl.readiness().orElseThrow().check()).isInstanceOfSatisfying(HttpCheck.class,
        c -> assertThat(c.path()).isEqualTo("/eth/v1/node/health?syncing_status=503"));
    assertThat(cl.liveness().orElseThrow().check()).isInstanceOfSatisfying(HttpCheck.class,
        c -> assertThat(c.path()).isEqualTo("/eth/v1/node/health"));
  }

  @Test
  void theConsensusClientWaitsOnlyForItsExecutionClientToStart() {
    Workload cl = Nodes.gethLighthouse().toNetwork().workloads().get(1);
    assertThat(cl.dependsOn()).singleElement().satisfies(d -> {
      assertThat(d.workload()).isEqualTo("node-geth");
      assertThat(d.condition()).isEqualTo(DependencyCondition.STARTED);
    });
  }

  @Test
  void metricsAreScrapedWhereEachClientServesThem() {
    Network network = Nodes.gethLighthouse().toNetwork();
    assertThat(network.workloads().get(0).metrics().orElseThrow().path()).isEqualTo("/debug/metrics/prometheus");
    assertThat(network.workloads().get(1).metrics().orElseThrow().path()).isEqualTo("/metrics");
    EthereumNode besu = Nodes.mainnet(ExecutionClient.BESU, ConsensusClient.TEKU).build();
    assertThat(NodeCompiler.execution(besu).metrics().orElseThrow().path()).isEqualTo("/metrics");
  }

  @Test
  void storageFollowsNetworkAndModeUnlessGiven() {
    assertThat(Nodes.gethLighthouse().effectiveExecutionStorage()).isEqualTo("2Ti");
    assertThat(Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).mode(StorageMode.ARCHIVE).build()
        .effectiveExecutionStorage()).isEqualTo("4Ti");
    assertThat(Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).network(PublicNetwork.HOODI).build()
        .effectiveConsensusStorage()).isEqualTo("100Gi");
    EthereumNode sized = Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).executionStorage("3Ti")
        .storageClass("chain-data").build();
    io.chainwright.api.volume.DataVolume data = (io.chainwright.api.volume.DataVolume) NodeCompiler.execution(sized).volume("data").orElseThrow();
    assertThat(data.size()).isEqualTo("3Ti");
    assertThat(data.storageClass()).contains("chain-data");
  }

  @Test
  void clientsRunAsNonRootWithAWritableTmpAndData() {
    for (Workload w : Nodes.mainnet(ExecutionClient.BESU, ConsensusClient.TEKU).build().toNetwork().workloads()) {
      var container = w.containers().get(0);
      assertThat(container.security().runAsNonRoot()).isTrue();
      assertThat(container.mounts()).filteredOn(m -> !m.readOnly()).extracting(m -> m.path())
          .containsExactlyInAnyOrder("/data", "/tmp");
    }
  }

  @Test
  void sizePresetsSetResources() {
    EthereumNode large = Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).size(NodeSize.LARGE).build();
    assertThat(NodeCompiler.execution(large).containers().get(0).resources().memoryRequest()).contains("32Gi");
    assertThat(NodeCompiler.consensus(large).containers().get(0).resources().memoryRequest()).contains("16Gi");
  }

  @Test
  void p2pExposureReachesBothClientsOnTcpAndUdp() {
    Network network = Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).p2pExposure(Exposure.nodePort())
        .build().toNetwork();
    for (Workload w : network.workloads()) {
      assertThat(w.port("p2p").orElseThrow().exposure().leavesNetwork()).isTrue();
      assertThat(w.port("p2p-udp").orElseThrow().exposure().leavesNetwork()).isTrue();
      assertThat(w.port("metrics").orElseThrow().exposure().leavesNetwork()).isFalse();
    }
  }

  @Test
  void underDefaultDenyTheConsensusClientReachesTheEngineApiBothReachPeersAndMonitoringScrapesBoth() {
    EthereumNode node = Nodes.gethLighthouse();
    Network network = node.addTo(Network.builder().name("isolated")).build();

    List<IsolationRule> flows = Flows.of(network);

    assertThat(flows).contains(
        IsolationRule.allowOut("node-lighthouse", TrafficPeer.workload("node-geth"), "engine"),
        IsolationRule.allowInto("node-geth", TrafficPeer.workload("node-lighthouse"), "engine"),
        IsolationRule.allowOut("node-geth", TrafficPeer.cidr("0.0.0.0/0")),
        IsolationRule.allowOut("node-lighthouse", TrafficPeer.cidr("0.0.0.0/0")),
        IsolationRule.allowInto("node-geth", TrafficPeer.monitoring(), "metrics"),
        IsolationRule.allowInto("node-lighthouse", TrafficPeer.monitoring(), "metrics"));
    String yaml = io.chainwright.kubernetes.KubernetesBackend.create().render(network).yaml();
    assertThat(yaml).contains("name: default-deny", "name: node-lighthouse-allow-egress", "name: node-geth-allow-ingress");
  }

  @Test
  void holeskyIsRefusedForEveryClientWhosePinnedReleaseDroppedItAndKeptForTheOthers() {
    ValidationException e = invalid(() -> Nodes.mainnet(ExecutionClient.NETHERMIND, ConsensusClient.LODESTAR).network(PublicNetwork.HOLESKY).build());
    assertThat(e.violations()).extracting(Violation::toString).containsExactly(
        "network: holesky was shut down and nethermind at its pinned image nethermind/nethermind:1.35.2 no longer knows it;"
            + " choose hoodi or sepolia (or pin an older image of your own)",
        "network: holesky was shut down and lodestar at its pinned image chainsafe/lodestar:v1.44.0 no longer knows it;"
            + " choose hoodi or sepolia (or pin an older image of your own)");
    for (ExecutionClient el : ExecutionClient.values()) {
      for (ConsensusClient cl : ConsensusClient.values()) {
        boolean dropped = !el.knows(PublicNetwork.HOLESKY) || !cl.knows(PublicNetwork.HOLESKY);
        Runnable holesky = () -> Nodes.mainnet(el, cl).network(PublicNetwork.HOLESKY).build();
        if (dropped) {
          invalid(holesky);
        } else {
          holesky.run();
        }
        Nodes.mainnet(el, cl).network(PublicNetwork.HOODI).build();
      }
    }
    assertThat(List.of(ExecutionClient.values())).filteredOn(c -> !c.knows(PublicNetwork.HOLESKY))
        .containsExactly(ExecutionClient.NETHERMIND, ExecutionClient.ERIGON);
    assertThat(List.of(ConsensusClient.values())).filteredOn(c -> !c.knows(PublicNetwork.HOLESKY))
        .containsExactly(ConsensusClient.NIMBUS, ConsensusClient.LODESTAR);
    // An image of the caller's choosing is the caller's to know.
    EthereumNode older = Nodes.mainnet(ExecutionClient.ERIGON, ConsensusClient.LIGHTHOUSE).network(PublicNetwork.HOLESKY)
        .execution(ExecutionSpec.builder().client(ExecutionClient.ERIGON).image(Image.of("erigontech/erigon:v3.0.0")).build()).build();
    assertThat(older.network()).contains(PublicNetwork.HOLESKY);
  }

  @Test
  void nimbusAndLodestarTakeOneCorsOriginAndSayWhichFlagWhenGivenTwo() {
    RpcAccess two = RpcAccess.builder().addCorsOrigin("https://a.example.org").addCorsOrigin("https://b.example.org").build();
    for (ConsensusClient client : List.of(ConsensusClient.NIMBUS, ConsensusClient.LODESTAR)) {
      ValidationException e = invalid(() -> ConsensusSpec.builder().client(client).access(two).build());
      assertThat(e.violations()).extracting(Violation::path).containsExactly("consensus.access.corsOrigins");
      assertThat(e.getMessage()).contains(client == ConsensusClient.NIMBUS ? "--rest-allow-origin" : "--rest.cors");
    }
    assertThat(ConsensusSpec.builder().client(ConsensusClient.LIGHTHOUSE).access(two).build().access().corsOrigins()).hasSize(2);
    assertThat(ConsensusSpec.builder().client(ConsensusClient.NIMBUS)
        .access(RpcAccess.builder().addCorsOrigin("https://a.example.org").build()).build()).isNotNull();
  }

  @Test
  void wildcardCorsWithoutTheOptInIsRefusedWithItsPath() {
    ValidationException e = invalid(() -> RpcAccess.builder().addCorsOrigin("*").build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("corsOrigins");
    assertThat(e.getMessage()).contains("allowAnyOriginInsecure");
    ValidationException hosts = invalid(() -> RpcAccess.builder().addVirtualHost("*").addCorsOrigin("*").build());
    assertThat(hosts.violations()).extracting(Violation::path).containsExactly("virtualHosts", "corsOrigins");
  }

  @Test
  void aNodeWithoutNetworkOrGenesisIsRefused() {
    ValidationException e = invalid(() -> Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE)
        .network(Optional.empty()).build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("network");
    assertThat(e.getMessage()).contains("needs a genesis");
  }

  @Test
  void aConsensusClientWithoutAnExecutionClientIsRefused() {
    ValidationException e = invalid(() -> EthereumNode.builder().name("node").network(PublicNetwork.MAINNET)
        .consensus(ConsensusSpec.of(ConsensusClient.LIGHTHOUSE, Nodes.CHECKPOINT)).build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("execution");
  }

  @Test
  void aPublicNetworkNeedsACheckpointOrAnExplicitGenesisSync() {
    ValidationException e = invalid(() -> Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.TEKU)
        .consensus(ConsensusSpec.builder().client(ConsensusClient.TEKU).build()).build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("consensus.checkpointSyncUrl");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ValidationException e = invalid(() -> EthereumNode.builder().name("Bad_Name")
        .execution(ExecutionSpec.of(ExecutionClient.GETH))
        .consensus(ConsensusSpec.builder().client(ConsensusClient.LIGHTHOUSE).build())
        .executionStorage("lots").build());
    assertThat(e.violations()).extracting(Violation::path).contains("name", "network", "executionStorage");
  }

  @Test
  void clashingPortsAreRefused() {
    ValidationException e = invalid(() -> ExecutionSpec.builder().client(ExecutionClient.GETH).rpcPort(8551).build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("execution.enginePort");
  }

  @Test
  void aNodeRoundTripsThroughYaml() {
    EthereumNode node = Nodes.gethLighthouse();
    assertThat(ModelMapper.fromYaml(ModelMapper.toYaml(node), EthereumNode.class)).isEqualTo(node);
  }
}
