package io.chainwright.l2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Network;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.common.StorageMode;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import io.chainwright.l2.opstack.OpBatcher;
import io.chainwright.l2.opstack.OpNetwork;
import io.chainwright.l2.opstack.OpSequencer;
import io.chainwright.l2.opstack.OpStackChain;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OpStackChainTest {
  private static List<String> violations(Executable build) {
    return assertThrows(ValidationException.class, build).violations().stream().map(Violation::toString).toList();
  }

  private static Container container(Network n, String workload) {
    return n.workload(workload).orElseThrow().containers().get(0);
  }

  @Test
  void opNodeWithoutJwtOrL1BeaconIsRefusedWithBothReasons() {
    assertThat(violations(() -> OpStackChain.builder().name("op").network(OpNetwork.OP_SEPOLIA)
        .l1(ParentChain.externalRpc("l1", "rpc-url")).generateJwt(false).build()))
        .containsExactlyInAnyOrder(
            "l1.beaconKey: op-node needs an L1 beacon endpoint to read blobs: give the secret key of its URL",
            "jwtSecret: op-node needs a JWT to reach op-geth's Engine API: keep generateJwt or name a jwtSecret");
  }

  @Test
  void aBatcherKeyNotFromASecretIsRefused() {
    assertThat(violations(() -> OpBatcher.builder().addExtraArg("--private-key=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")
        .addExtraEnv(EnvVar.literal("OP_BATCHER_MNEMONIC", "test test test")).build()))
        .containsExactlyInAnyOrder(
            "batcher.privateKey: the batcher needs its key as a secret reference (OpBatcher.withKey(secret, key))",
            "batcher.extraArgs: a batcher key not from a Secret: remove '--private-key' and give the key as a secret reference",
            "batcher.extraEnv[OP_BATCHER_MNEMONIC]: a batcher key not from a Secret: use EnvVar.fromSecret(..)");
  }

  @Test
  void batchingAndSequencingBelongToAChainOfOnesOwn() {
    assertThat(violations(() -> Chains.opSepolia().batcher(OpBatcher.withKey("keys", "batcher"))
        .sequencer(OpSequencer.of(io.chainwright.api.SecretKeyRef.of("keys", "p2p"))).build()))
        .containsExactly("sequencer: op-sepolia is sequenced by its operator; sequence only a chain of your own");
    assertThat(violations(() -> Chains.ownChain().sequencer(java.util.Optional.empty()).build()))
        .containsExactly("batcher: the batcher posts the sequencer's blocks; run this chain as the sequencer to have one");
  }

  @Test
  void anOpSepoliaReplicaForwardsToTheSequencerAndPairsOverTheEngineApi() {
    Network n = Chains.opSepolia().build().addTo(Chains.network("op-sepolia")).build();
    Container geth = container(n, "op-op-geth");
    Container node = container(n, "op-op-node");

    assertThat(geth.args()).contains("--op-network=op-sepolia", "--syncmode=full", "--gcmode=full",
        "--rollup.sequencerhttp=https://sepolia-sequencer.optimism.io", "--rollup.disabletxpoolgossip=true",
        "--authrpc.jwtsecret=/secrets/jwt/jwt.hex", "--http.vhosts=op-op-geth,localhost");
    assertThat(geth.args()).noneMatch(a -> a.contains("*"));
    assertThat(geth.port("engine")).hasValueSatisfying(p -> assertThat(p.internalOnly()).isTrue());
    assertThat(node.command()).as("the image names op-node as its default command only").containsExactly("op-node");
    assertThat(node.args()).contains("--network=op-sepolia", "--l2=http://op-op-geth:8551", "--l2.jwt-secret=/secrets/jwt/jwt.hex",
        "--rpc.port=9545", "--metrics.enabled", "--p2p.listen.tcp=9222");
    assertThat(node.env()).contains(EnvVar.fromSecret("OP_NODE_L1_ETH_RPC", "l1", "rpc-url"),
        EnvVar.fromSecret("OP_NODE_L1_BEACON", "l1", "beacon-url"));
    assertThat(n.secret("op-jwt")).hasValueSatisfying(s -> assertThat(s.data()).containsKey("jwt.hex"));
  }

  @Test
  void baseNodesUseBasesSequencerAndArchiveKeepsEveryState() {
    Network n = OpStackChain.builder().name("base").network(OpNetwork.BASE_MAINNET).l1(Chains.SEPOLIA).mode(StorageMode.ARCHIVE)
        .addBootnode("enr:-J24QNz9lbrKbN4iSmmjtnr7SjUMk4zB7f1krHZcTZx").build().addTo(Chains.network("base")).build();

    assertThat(container(n, "base-op-geth").args()).contains("--op-network=base-mainnet", "--gcmode=archive",
        "--rollup.sequencerhttp=https://mainnet-sequencer.base.org");
    assertThat(container(n, "base-op-node").args()).contains("--network=base-mainnet",
        "--p2p.bootnodes=enr:-J24QNz9lbrKbN4iSmmjtnr7SjUMk4zB7f1krHZcTZx");
    assertThat(n.workload("base-op-geth").orElseThrow().volume("data")).hasValueSatisfying(
        v -> assertThat(((io.chainwright.api.volume.DataVolume) v).size()).isEqualTo("24Ti"));
  }

  @Test
  void aChainOfOnesOwnIsInitialisedFromItsGenesisAndRunsBatcherAndProposerWithSecretKeys() {
    Network n = Chains.ownChain().build().addTo(Chains.network("devchain")).build();
    Workload geth = n.workload("devchain-op-geth").orElseThrow();

    assertThat(geth.initContainers()).singleElement().satisfies(i -> assertThat(i.args()).containsExactly(
        "init", "--datadir=/data", "/config/genesis.json"));
    assertThat(container(n, "devchain-op-geth").args()).noneMatch(a -> a.startsWith("--rollup.sequencerhttp"));
    assertThat(container(n, "devchain-op-node").args()).contains("--rollup.config=/config/rollup.json", "--sequencer.enabled",
        "--sequencer.l1-confs=4");
    assertThat(container(n, "devchain-op-node").env()).contains(EnvVar.fromSecret("OP_NODE_P2P_SEQUENCER_KEY", "keys", "sequencer-p2p"));
    assertThat(container(n, "devchain-op-batcher").command()).containsExactly("op-batcher");
    assertThat(container(n, "devchain-op-proposer").command()).containsExactly("op-proposer");
    assertThat(container(n, "devchain-op-batcher").args()).contains("--l2-eth-rpc=http://devchain-op-geth:8545",
        "--rollup-rpc=http://devchain-op-node:9545", "--data-availability-type=blobs", "--max-channel-duration=1500");
    assertThat(container(n, "devchain-op-batcher").env()).contains(
        EnvVar.fromSecret("OP_BATCHER_PRIVATE_KEY", "keys", "batcher"), EnvVar.fromSecret("OP_BATCHER_L1_ETH_RPC", "l1", "rpc-url"));
    assertThat(container(n, "devchain-op-proposer").args()).contains(
        "--game-factory-address=0x05F9613aDB30026FFd634f38e5C4dFd30a197Fa1", "--proposal-interval=1h", "--game-type=0");
    assertThat(container(n, "devchain-op-proposer").env()).contains(EnvVar.fromSecret("OP_PROPOSER_PRIVATE_KEY", "keys", "proposer"));
    assertThat(n.workloads()).flatMap(Workload::allContainers).flatMap(Container::env)
        .allSatisfy(e -> assertThat(e.name()).as("no key as a literal").satisfiesAnyOf(
            name -> assertThat(name).doesNotContain("KEY"), name -> assertThat(e.value()).isEmpty()));
  }

  @Test
  void anL1NodeOfTheSameNetworkIsCompiledInAndReachedByName() {
    EthereumNode sepolia = EthereumNode.builder().name("l1").network(PublicNetwork.SEPOLIA)
        .execution(ExecutionSpec.of(ExecutionClient.GETH))
        .consensus(ConsensusSpec.of(ConsensusClient.LIGHTHOUSE, URI.create("https://checkpoint.example.org")))
        .build();
    Network n = Chains.opSepolia().l1(ParentChain.node(sepolia)).build().addTo(io.chainwright.api.Network.builder().name("stack")).build();

    assertThat(n.workloads()).extracting(Workload::name).containsExactly("l1-geth", "l1-lighthouse", "op-op-geth", "op-op-node");
    assertThat(container(n, "op-op-node").env()).contains(EnvVar.literal("OP_NODE_L1_ETH_RPC", "http://l1-geth:8545"),
        EnvVar.literal("OP_NODE_L1_BEACON", "http://l1-lighthouse:5052"));
  }
}
