package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Workload;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.el.ExecutionClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each consensus client gets the flags its own documentation names, pointed at its execution client. */
class ConsensusFlagsTest {
  private static Workload workload(ConsensusClient client) {
    return NodeCompiler.consensus(Nodes.mainnet(ExecutionClient.GETH, client).build());
  }

  private static List<String> args(ConsensusClient client) {
    return workload(client).containers().get(0).args();
  }

  @Test
  void lighthouseRunsItsBeaconNodeWithCheckpointSync() {
    Workload w = workload(ConsensusClient.LIGHTHOUSE);
    assertThat(w.containers().get(0).command()).containsExactly("lighthouse");
    assertThat(args(ConsensusClient.LIGHTHOUSE)).startsWith("beacon_node").contains("--network=mainnet", "--datadir=/data",
        "--execution-endpoint=http://node-geth:8551", "--execution-jwt=/secrets/jwt/jwt.hex",
        "--checkpoint-sync-url=https://checkpoint.example.org", "--http", "--http-port=5052", "--metrics",
        "--metrics-port=8008", "--port=9000")
        .doesNotContain("--allow-insecure-genesis-sync");
  }

  @Test
  void prysmAcceptsItsTermsAndUsesTheNewHttpFlags() {
    assertThat(args(ConsensusClient.PRYSM)).contains("--accept-terms-of-use", "--mainnet",
        "--execution-endpoint=http://node-geth:8551", "--jwt-secret=/secrets/jwt/jwt.hex",
        "--checkpoint-sync-url=https://checkpoint.example.org", "--genesis-beacon-api-url=https://checkpoint.example.org",
        "--http-port=5052", "--monitoring-port=8008", "--p2p-tcp-port=9000", "--p2p-udp-port=9000");
  }

  @Test
  void tekuUsesItsRestAndEeFlags() {
    assertThat(args(ConsensusClient.TEKU)).contains("--network=mainnet", "--data-path=/data",
        "--ee-endpoint=http://node-geth:8551", "--ee-jwt-secret-file=/secrets/jwt/jwt.hex",
        "--checkpoint-sync-url=https://checkpoint.example.org", "--rest-api-enabled=true", "--rest-api-port=5052",
        "--rest-api-host-allowlist=node-teku,localhost,127.0.0.1", "--metrics-port=8008", "--p2p-port=9000");
  }

  /** Kubelet probes and Prometheus call Teku by pod address, which the backend adds to each list it declares. */
  @Test
  void tekuListsTheHostsItAnswersWithoutAWildcard() {
    var teku = workload(ConsensusClient.TEKU).containers().get(0);

    assertThat(teku.args()).contains("--metrics-host-allowlist=node-teku,localhost,127.0.0.1").noneMatch(a -> a.contains("*"));
    assertThat(teku.hostAllowlistFlags()).containsExactly("--rest-api-host-allowlist", "--metrics-host-allowlist");
  }

  @Test
  void nimbusSyncsFromTheTrustedNodeBeforeItStarts() {
    Workload w = workload(ConsensusClient.NIMBUS);
    assertThat(w.initContainers()).singleElement().satisfies(init -> assertThat(init.args())
        .containsExactly("trustedNodeSync", "--network=mainnet", "--data-dir=/data",
            "--trusted-node-url=https://checkpoint.example.org"));
    assertThat(args(ConsensusClient.NIMBUS)).contains("--network=mainnet", "--el=http://node-geth:8551",
        "--jwt-secret=/secrets/jwt/jwt.hex", "--rest", "--rest-port=5052", "--metrics-port=8008", "--tcp-port=9000",
        "--udp-port=9000");
  }

  @Test
  void lodestarRunsItsBeaconCommand() {
    assertThat(args(ConsensusClient.LODESTAR)).startsWith("beacon").contains("--network=mainnet", "--dataDir=/data",
        "--execution.urls=http://node-geth:8551", "--jwt-secret=/secrets/jwt/jwt.hex",
        "--checkpointSyncUrl=https://checkpoint.example.org", "--rest", "--rest.port=5052", "--metrics.port=8008",
        "--port=9000");
  }

  @Test
  void genesisSyncIsNamedToLighthouseOnlyWhenChosen() {
    EthereumNode node = Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE)
        .consensus(ConsensusSpec.builder().client(ConsensusClient.LIGHTHOUSE).genesisSyncInsecure(true).build()).build();
    assertThat(NodeCompiler.consensus(node).containers().get(0).args())
        .contains("--allow-insecure-genesis-sync").noneMatch(a -> a.startsWith("--checkpoint-sync-url"));
  }

  @Test
  void targetPeersUseEachClientsSpelling() {
    for (var expected : java.util.Map.of(ConsensusClient.LIGHTHOUSE, "--target-peers=50", ConsensusClient.PRYSM,
        "--p2p-max-peers=50", ConsensusClient.TEKU, "--p2p-peer-upper-bound=50", ConsensusClient.NIMBUS, "--max-peers=50",
        ConsensusClient.LODESTAR, "--targetPeers=50").entrySet()) {
      ConsensusSpec spec = ConsensusSpec.builder().client(expected.getKey()).checkpointSyncUrl(Nodes.CHECKPOINT)
          .targetPeers(50).build();
      EthereumNode node = Nodes.mainnet(ExecutionClient.GETH, expected.getKey()).consensus(spec).build();
      assertThat(NodeCompiler.consensus(node).containers().get(0).args()).as(expected.getKey().id()).contains(expected.getValue());
    }
  }
}
