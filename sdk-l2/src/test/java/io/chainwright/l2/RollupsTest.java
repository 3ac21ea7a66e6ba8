package io.chainwright.l2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Network;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.volume.AccessMode;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.l2.arbitrum.ArbitrumChain;
import io.chainwright.l2.arbitrum.NitroInitSource;
import io.chainwright.l2.arbitrum.NitroNode;
import io.chainwright.l2.polygon.PolygonCdk;
import io.chainwright.l2.zksync.ObjectStore;
import io.chainwright.l2.zksync.ZkSyncEra;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Arbitrum Nitro, zkSync Era and Polygon CDK compile into the workloads their operators run. */
class RollupsTest {
  private static List<String> violations(Executable build) {
    return assertThrows(ValidationException.class, build).violations().stream().map(Violation::toString).toList();
  }

  private static Container container(Network n, String workload) {
    return n.workload(workload).orElseThrow().containers().get(0);
  }

  static ZkSyncEra.Builder zkSync() {
    return ZkSyncEra.builder().name("era").l1(Chains.SEPOLIA).l1ChainId(11155111).chainId(270)
        .operatorKey(SecretKeyRef.of("keys", "operator"))
        .objectStore(ObjectStore.gcs("zksync-artifacts", "gcs"))
        .prover(Chains.prover("matterlabs/prover-gpu-fri:v18.0.0").name("era-prover").build());
  }


  @Test
  void aNitroNodeFollowsItsChainAndReadsTheParentChainUrlFromTheSecret() {
    Network n = NitroNode.builder().name("arb").chainId(ArbitrumChain.ONE.chainId()).parentChain(Chains.SEPOLIA)
        .initFrom(NitroInitSource.PRUNED).build().addTo(Chains.network("arb")).build();
    Container nitro = container(n, "arb");

    assertThat(nitro.args()).contains("--conf.env-prefix=NITRO", "--chain.id=42161", "--init.latest=pruned", "--http.port=8547",
        "--metrics", "--metrics-server.port=6070", "--http.vhosts=arb,localhost");
    assertThat(nitro.args()).noneMatch(a -> a.contains("parent-chain"));
    assertThat(nitro.env()).containsExactly(
        EnvVar.fromSecret("NITRO_PARENT__CHAIN_CONNECTION_URL", "l1", "rpc-url"),
        EnvVar.fromSecret("NITRO_PARENT__CHAIN_BLOB__CLIENT_BEACON__URL", "l1", "beacon-url"));
    assertThat(n.workload("arb").orElseThrow().volume("data")).hasValueSatisfying(
        v -> assertThat(((DataVolume) v).size()).isEqualTo("2Ti"));
  }

  @Test
  void aNitroNodeWithoutParentChainOrAnArchiveFromAPrunedSnapshotIsRefused() {
    assertThat(violations(() -> NitroNode.builder().name("arb").archive(true).initFrom(NitroInitSource.PRUNED).build()))
        .containsExactlyInAnyOrder(
            "parentChain: a Nitro node needs its parent chain's URL: ParentChain.node(..) or ParentChain.external(..)",
            "initFrom: an archive node cannot start from a pruned snapshot");
  }

  @Test
  void zkSyncRunsServerPostgresAndAGpuProverWithTheCrsReadOnly() {
    Network n = zkSync().build().addTo(Chains.network("era").addSecret(io.chainwright.api.Secret.provided("gcs"))).build();
    Container server = container(n, "era-server");
    Workload prover = n.workload("era-prover").orElseThrow();

    assertThat(n.workloads()).extracting(Workload::name).containsExactly("era-postgres", "era-server", "era-prover");
    assertThat(server.args()).containsExactly("--components=api,tree,eth,state_keeper,housekeeper,proof_data_handler");
    assertThat(server.env()).contains(
        EnvVar.fromSecret("DATABASE_URL", "era-postgres-credentials", "url"),
        EnvVar.fromSecret("ETH_CLIENT_WEB3_URL", "l1", "rpc-url"),
        EnvVar.fromSecret("ETH_SENDER_SENDER_OPERATOR_PRIVATE_KEY", "keys", "operator"),
        EnvVar.literal("API_WEB3_JSON_RPC_HTTP_PORT", "3050"),
        EnvVar.literal("OBJECT_STORE_MODE", "GCSWithCredentialFile"));
    assertThat(server.ports()).extracting(io.chainwright.api.Port::name).contains("rpc", "ws", "health", "metrics");
    assertThat(prover.volume("crs")).hasValueSatisfying(v -> assertThat(((DataVolume) v).accessMode()).isEqualTo(AccessMode.READ_ONLY_MANY));
    assertThat(prover.containers().get(0).mounts()).anySatisfy(m -> {
      assertThat(m.volume()).isEqualTo("crs");
      assertThat(m.readOnly()).isTrue();
    });
    assertThat(prover.containers().get(0).env()).contains(EnvVar.literal("FRI_PROVER_SETUP_DATA_PATH", "/crs"),
        EnvVar.literal("PROVER_OBJECT_STORE_MODE", "GCSWithCredentialFile"));
    assertThat(prover.containers().get(0).resources().gpu()).isPresent();
  }

  @Test
  void aRealChainsSettingsReachTheServerAndReplaceTheSdksOfTheSameName() {
    Network n = zkSync().addExtraEnv(EnvVar.literal("CONTRACTS_DIAMOND_PROXY_ADDR", "0x32400084C286CF3E17e7B677ea9583e60a000324"),
            EnvVar.literal("API_WEB3_JSON_RPC_HTTP_PORT", "3060"))
        .build().addTo(Chains.network("era").addSecret(io.chainwright.api.Secret.provided("gcs"))).build();
    List<EnvVar> env = container(n, "era-server").env();

    assertThat(env).contains(EnvVar.literal("CONTRACTS_DIAMOND_PROXY_ADDR", "0x32400084C286CF3E17e7B677ea9583e60a000324"));
    assertThat(env).filteredOn(e -> e.name().equals("API_WEB3_JSON_RPC_HTTP_PORT")).as("one variable, the user's")
        .containsExactly(EnvVar.literal("API_WEB3_JSON_RPC_HTTP_PORT", "3060"));
    assertThat(violations(() -> zkSync().addExtraEnv(EnvVar.literal("ETH_SENDER_SENDER_OPERATOR_PRIVATE_KEY", "0xabc"),
        EnvVar.literal("A", "1"), EnvVar.literal("A", "2")).build())).containsExactlyInAnyOrder(
        "extraEnv[ETH_SENDER_SENDER_OPERATOR_PRIVATE_KEY]: a server key not from a Secret: use EnvVar.fromSecret(..)",
        "extraEnv[A]: name is used more than once");
  }

  @Test
  void aFileBackedStoreCannotServeASeparateProver() {
    assertThat(violations(() -> zkSync().objectStore(ObjectStore.fileBacked()).build()))
        .containsExactly("objectStore: a separate prover cannot see the server's file-backed store: use a bucket (ObjectStore.gcs(..))");
  }

  @Test
  void polygonCdkSplitsTheNodeIntoComponentsWithSeparateStateAndPoolDatabases() {
    Network n = Chains.cdk().build().addTo(Chains.network("cdk")).build();

    assertThat(n.workloads()).extracting(Workload::name).containsExactly("cdk-state-db", "cdk-pool-db", "cdk-prover",
        "cdk-rpc", "cdk-synchronizer", "cdk-sequencer", "cdk-aggregator", "cdk-bridge-db", "cdk-bridge");
    assertThat(container(n, "cdk-sequencer").args()).containsSequence("--components", "sequencer,sequence-sender");
    assertThat(container(n, "cdk-rpc").env()).contains(
        EnvVar.fromSecret("ZKEVM_NODE_STATE_DB_PASSWORD", "cdk-state-db-credentials", "password"),
        EnvVar.fromSecret("ZKEVM_NODE_POOL_DB_PASSWORD", "cdk-pool-db-credentials", "password"),
        EnvVar.fromSecret("ZKEVM_NODE_ETHERMAN_URL", "l1", "rpc-url"));
    assertThat(container(n, "cdk-aggregator").port("aggregator")).hasValueSatisfying(p -> assertThat(p.number()).isEqualTo(50081));
    Container prover = container(n, "cdk-prover");
    assertThat(prover.ports()).extracting(io.chainwright.api.Port::number).contains(50071, 50061);
    String toml = ((io.chainwright.api.volume.ConfigVolume) n.workload("cdk-rpc").orElseThrow().volume("config").orElseThrow()).files().get("config.toml");
    assertThat(toml).contains("[State.DB]", "Host = \"cdk-state-db\"", "[Pool.DB]", "Host = \"cdk-pool-db\"",
        "URI = \"cdk-prover:50071\"", "URI = \"cdk-prover:50061\"").doesNotContain("Password");
  }

  @Test
  void theCdkProverConfigHoldsTheDatabasePasswordSoItIsASecret() {
    Network n = Chains.cdk().build().addTo(Chains.network("cdk")).build();
    String password = new String(n.secret("cdk-state-db-credentials").orElseThrow().data().get("password").resolve());
    String config = new String(n.secret("cdk-prover-config").orElseThrow().data().get("config.json").resolve());

    assertThat(config).contains("\"executorServerPort\": 50071", "\"hashDBServerPort\": 50061",
        "\"aggregatorClientHost\": \"cdk-aggregator\"", "@cdk-state-db:5432/state_db", password);
    assertThat(password).hasSize(32);
    assertThat(io.chainwright.api.ModelMapper.toYaml(n)).doesNotContain(password);
  }

  @Test
  void aCdkWithoutKeystoresProverOrBridgeContractsIsRefusedWhole() {
    assertThat(violations(() -> PolygonCdk.builder().name("cdk").l1(Chains.SEPOLIA).chainId(1001).genesisJson("{}").build()))
        .containsExactlyInAnyOrder(
            "keystoreSecret: the sequencer and aggregator sign L1 transactions: name the secret with their keystores",
            "prover: the RPC, synchronizer and sequencer execute batches on the zkevm-prover: give one",
            "contracts: the bridge service needs the chain's contract addresses");
  }
}
