package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.Workload;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.exposure.IngressController;
import io.chainwright.api.exposure.IngressExposure;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.CustomGenesis;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.common.RpcAccess;
import io.chainwright.ethereum.common.StorageMode;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each execution client gets the flags its own documentation names. */
class ExecutionFlagsTest {
  private static Container container(EthereumNode node) {
    return NodeCompiler.execution(node).containers().get(0);
  }

  private static List<String> args(EthereumNode node) {
    return container(node).args();
  }

  private static List<String> args(ExecutionClient client) {
    return args(Nodes.mainnet(client, ConsensusClient.LIGHTHOUSE).build());
  }

  @Test
  void gethJoinsMainnetWithRestrictedHttpAndAuthenticatedEngine() {
    assertThat(args(ExecutionClient.GETH)).contains("--mainnet", "--datadir=/data", "--syncmode=snap",
        "--http", "--http.addr=0.0.0.0", "--http.port=8545", "--http.api=eth,net,web3",
        "--http.vhosts=node-geth,localhost,127.0.0.1", "--authrpc.port=8551", "--authrpc.vhosts=node-geth,localhost",
        "--authrpc.jwtsecret=/secrets/jwt/jwt.hex", "--metrics", "--metrics.port=6060", "--port=30303",
        "--discovery.port=30303")
        .noneMatch(a -> a.startsWith("--http.corsdomain"));
  }

  @Test
  void besuUsesItsOwnSpellings() {
    assertThat(args(ExecutionClient.BESU)).contains("--network=mainnet", "--data-path=/data", "--sync-mode=SNAP",
        "--data-storage-format=BONSAI", "--rpc-http-enabled=true", "--rpc-http-port=8545", "--rpc-http-api=ETH,NET,WEB3",
        "--host-allowlist=node-besu,localhost,127.0.0.1", "--engine-rpc-port=8551", "--engine-jwt-secret=/secrets/jwt/jwt.hex",
        "--metrics-enabled=true", "--metrics-port=6060", "--p2p-port=30303");
    // Its JSON-RPC probe calls 127.0.0.1 from inside the container; probes from outside use the pod address the backend adds.
    assertThat(container(Nodes.mainnet(ExecutionClient.BESU, ConsensusClient.LIGHTHOUSE).build()).hostAllowlistFlags())
        .containsExactly("--host-allowlist");
  }

  @Test
  void nethermindUsesANamedConfigAndSectionOptions() {
    assertThat(args(ExecutionClient.NETHERMIND)).contains("--config=mainnet", "--data-dir=/data",
        "--JsonRpc.Enabled=true", "--JsonRpc.Port=8545", "--JsonRpc.EnabledModules=eth,net,web3",
        "--JsonRpc.EnginePort=8551", "--JsonRpc.JwtSecretFile=/secrets/jwt/jwt.hex", "--Metrics.Enabled=true",
        "--Metrics.ExposePort=6060", "--Network.P2PPort=30303");
    assertThat(args(ExecutionClient.NETHERMIND)).as("the deprecated --datadir alias").noneMatch(a -> a.startsWith("--datadir"));
  }

  @Test
  void erigonTurnsOffItsBuiltInConsensusClient() {
    assertThat(args(ExecutionClient.ERIGON)).contains("--chain=mainnet", "--externalcl", "--prune.mode=full",
        "--http.vhosts=node-erigon,localhost,127.0.0.1", "--authrpc.jwtsecret=/secrets/jwt/jwt.hex", "--metrics.port=6060");
  }

  @Test
  void rethRunsItsNodeSubcommandAsAFullNode() {
    List<String> args = args(ExecutionClient.RETH);
    assertThat(args.get(0)).isEqualTo("node");
    assertThat(args).contains("--chain=mainnet", "--full", "--http.port=8545", "--authrpc.port=8551",
        "--authrpc.jwtsecret=/secrets/jwt/jwt.hex", "--metrics=0.0.0.0:6060");
  }

  @Test
  void archiveModeKeepsEveryState() {
    EthereumNode.Builder base = Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).mode(StorageMode.ARCHIVE);
    assertThat(args(base.build())).contains("--syncmode=full", "--gcmode=archive");
    assertThat(args(base.execution(ExecutionSpec.of(ExecutionClient.BESU)).build()))
        .contains("--sync-mode=FULL", "--data-storage-format=FOREST");
    assertThat(args(base.execution(ExecutionSpec.of(ExecutionClient.NETHERMIND)).build())).contains("--config=mainnet_archive");
    assertThat(args(base.execution(ExecutionSpec.of(ExecutionClient.ERIGON)).build())).contains("--prune.mode=archive");
    assertThat(args(base.execution(ExecutionSpec.of(ExecutionClient.RETH)).build())).doesNotContain("--full");
  }

  @ParameterizedTest
  @EnumSource(PublicNetwork.class)
  void everyPublicNetworkIsNamedToGeth(PublicNetwork network) {
    EthereumNode node = Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).network(network).build();
    assertThat(args(node)).contains("--" + network.id()).doesNotContain(network == PublicNetwork.MAINNET ? "--sepolia" : "--mainnet");
  }

  @Test
  void corsOriginsAndExtraHostsAreListedExactly() {
    ExecutionSpec spec = ExecutionSpec.builder().client(ExecutionClient.GETH)
        .access(RpcAccess.builder().addVirtualHost("rpc.example.org").addCorsOrigin("https://app.example.org").build())
        .build();
    EthereumNode node = Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).execution(spec).build();
    assertThat(args(node)).contains("--http.vhosts=node-geth,localhost,127.0.0.1,rpc.example.org",
        "--http.corsdomain=https://app.example.org");
  }

  @Test
  void anRpcPublishedAtAHostNameAllowsThatHost() {
    Exposure ingress = IngressExposure.builder().host("rpc.example.org").tlsIssuer("letsencrypt")
        .controller(IngressController.NGINX_COMPATIBLE).build();
    Exposure gateway = Exposure.gateway("edge", "rpc.example.org");
    for (Exposure published : List.of(ingress, gateway)) {
      for (ExecutionClient client : List.of(ExecutionClient.GETH, ExecutionClient.ERIGON)) {
        EthereumNode node = Nodes.mainnet(client, ConsensusClient.LIGHTHOUSE).rpcExposure(published).build();
        assertThat(args(node)).as(client.name()).contains("--http.vhosts=node-" + client.name().toLowerCase(java.util.Locale.ROOT)
            + ",localhost,127.0.0.1,rpc.example.org");
      }
      EthereumNode besu = Nodes.mainnet(ExecutionClient.BESU, ConsensusClient.LIGHTHOUSE).rpcExposure(published).build();
      assertThat(args(besu)).contains("--host-allowlist=node-besu,localhost,127.0.0.1,rpc.example.org");
    }
  }

  @Test
  void aWildcardIsPassedOnOnlyAfterTheInsecureOptIn() {
    ExecutionSpec spec = ExecutionSpec.builder().client(ExecutionClient.GETH)
        .access(RpcAccess.builder().allowAnyOriginInsecure(true).addVirtualHost("*").addCorsOrigin("*").build()).build();
    EthereumNode node = Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).execution(spec).build();
    assertThat(args(node)).contains("--http.vhosts=*", "--http.corsdomain=*");
  }

  @Test
  void webSocketGetsItsOwnPortExceptOnErigon() {
    ExecutionSpec geth = ExecutionSpec.builder().client(ExecutionClient.GETH).webSocket(true).build();
    Container gethContainer = container(Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).execution(geth).build());
    assertThat(gethContainer.args()).contains("--ws", "--ws.port=8546", "--ws.api=eth,net,web3");
    assertThat(gethContainer.port("ws")).isPresent();

    ExecutionSpec erigon = ExecutionSpec.builder().client(ExecutionClient.ERIGON).webSocket(true).build();
    Container erigonContainer = container(Nodes.mainnet(ExecutionClient.ERIGON, ConsensusClient.LIGHTHOUSE).execution(erigon).build());
    assertThat(erigonContainer.args()).contains("--ws");
    assertThat(erigonContainer.port("ws")).isEmpty();
  }

  @Test
  void aCustomGenesisIsInitialisedBeforeGethStarts() {
    CustomGenesis genesis = CustomGenesis.builder().networkId(1337)
        .volume(ConfigVolume.builder().name("genesis").putFile("genesis.json", "{}").build()).build();
    EthereumNode node = Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE)
        .network(java.util.Optional.empty()).customGenesis(genesis).build();
    Workload workload = NodeCompiler.execution(node);
    assertThat(workload.initContainers()).singleElement()
        .satisfies(init -> assertThat(init.args()).containsExactly("init", "--datadir=/data", "/genesis/genesis.json"));
    assertThat(workload.containers().get(0).args()).contains("--networkid=1337").doesNotContain("--mainnet");
    assertThat(workload.volume("genesis")).isPresent();
  }

  @Test
  void nethermindReadsAPrivateChainSpecWithoutMainnetsConfig() {
    CustomGenesis genesis = CustomGenesis.builder().networkId(1337)
        .volume(ConfigVolume.builder().name("genesis").putFile("chainspec.json", "{}").build()).build();
    EthereumNode node = Nodes.mainnet(ExecutionClient.NETHERMIND, ConsensusClient.TEKU)
        .network(java.util.Optional.empty()).customGenesis(genesis)
        .consensus(ConsensusSpec.builder().client(ConsensusClient.TEKU).build()).build();
    assertThat(args(node)).contains("--config=none", "--Init.ChainSpecPath=/genesis/chainspec.json")
        .noneMatch(a -> a.startsWith("--config=mainnet"));
  }

  @Test
  void maxPeersUseEachClientsSpelling() {
    java.util.Map<ExecutionClient, List<String>> expected = java.util.Map.of(
        ExecutionClient.GETH, List.of("--maxpeers=50"),
        ExecutionClient.BESU, List.of("--max-peers=50"),
        ExecutionClient.NETHERMIND, List.of("--Network.MaxActivePeers=50"),
        ExecutionClient.ERIGON, List.of("--maxpeers=50"),
        ExecutionClient.RETH, List.of("--max-outbound-peers=25", "--max-inbound-peers=25"));
    expected.forEach((client, flags) -> {
      ExecutionSpec spec = ExecutionSpec.builder().client(client).maxPeers(50).build();
      assertThat(args(Nodes.mainnet(client, ConsensusClient.LIGHTHOUSE).execution(spec).build())).as(client.id())
          .containsAll(flags);
    });
    assertThat(args(ExecutionClient.GETH)).noneMatch(a -> a.startsWith("--maxpeers"));
  }

  @Test
  void extraArgsComeLast() {
    ExecutionSpec spec = ExecutionSpec.builder().client(ExecutionClient.GETH).addExtraArg("--cache=4096").build();
    List<String> args = args(Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).execution(spec).build());
    assertThat(args.get(args.size() - 1)).isEqualTo("--cache=4096");
  }
}
