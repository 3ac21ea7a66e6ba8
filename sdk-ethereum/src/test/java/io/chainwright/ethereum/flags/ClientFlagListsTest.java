package io.chainwright.ethereum.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Workload;
import io.chainwright.api.tools.FlagList;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.compose.TestTools;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.CustomGenesis;
import io.chainwright.ethereum.common.LodestarOptions;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.common.RpcAccess;
import io.chainwright.ethereum.common.StorageMode;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import io.chainwright.ethereum.validator.ValidatorClient;
import io.chainwright.ethereum.validator.ValidatorSpec;
import io.chainwright.ethereum.validator.Validators;
import io.chainwright.ethereum.validator.Web3Signer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every flag the SDK gives a client, in every combination it renders, is one the client's pinned
 * release accepts and does not mark deprecated: checked against that release's flag list, or, where
 * the client runs here, against its own help.
 */
class ClientFlagListsTest {
  /** Every way a node's consensus client can be rendered: each execution client, public networks and a private one, options on and off. */
  private static List<EthereumNode> nodes(ConsensusClient cl) {
    List<EthereumNode> nodes = new ArrayList<>();
    CustomGenesis genesis = CustomGenesis.builder().networkId(3151908).volume(ConfigVolume.builder().name("genesis")
        .putFile("genesis.json", "{}").putFile("config.yaml", "PRESET_BASE: minimal").putFile("genesis.ssz", "").build()).build();
    for (ExecutionClient el : ExecutionClient.values()) {
      for (PublicNetwork network : PublicNetwork.values()) {
        if (!el.knows(network) || !cl.knows(network)) {
          continue;
        }
        for (StorageMode mode : List.of(StorageMode.FULL, StorageMode.ARCHIVE)) {
          nodes.add(EthereumNode.builder().name("node").network(network).mode(mode).execution(ExecutionSpec.of(el))
              .consensus(ConsensusSpec.builder().client(cl).checkpointSyncUrl(URI.create("https://checkpoint.example.org"))
                  .access(RpcAccess.builder().addCorsOrigin("https://app.example.org").build()).targetPeers(80).build())
              .build());
        }
      }
      nodes.add(EthereumNode.builder().name("devnet").customGenesis(genesis).execution(ExecutionSpec.of(el))
          .consensus(ConsensusSpec.builder().client(cl).build()).build());
    }
    return nodes;
  }

  private static List<String> consensusArgs(EthereumNode node) {
    Network network = node.toNetwork();
    Workload cl = network.workload(node.consensusWorkload()).orElseThrow();
    return cl.containers().get(0).args();
  }

  @Test
  void lodestarGetsOnlyFlagsItsPinnedReleaseAccepts() {
    FlagList lodestar = LodestarOptions.BEACON;
    assertThat(Image.of(ConsensusClient.LODESTAR.defaultImage()).tag()).as("the list is of the pinned release").contains(lodestar.tag());

    List<String> problems = new ArrayList<>();
    List<EthereumNode> nodes = nodes(ConsensusClient.LODESTAR);
    for (EthereumNode node : nodes) {
      List<String> args = consensusArgs(node);
      assertThat(args.get(0)).isEqualTo("beacon");
      lodestar.problems(args).forEach(p -> problems.add(node.name() + " on " + node.execution().client().id() + ": " + p));
    }

    assertThat(nodes).hasSizeGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  /** Lodestar's validator client signing through Web3Signer and from its own keystores, on each network its release knows. */
  @Test
  void lodestarsValidatorClientGetsOnlyFlagsItsPinnedReleaseAccepts() {
    FlagList lodestar = LodestarOptions.VALIDATOR;
    assertThat(Image.of(ValidatorClient.LODESTAR.defaultImage()).tag()).as("the list is of the pinned release").contains(lodestar.tag());
    String key = "0x" + "a1".repeat(48);

    List<String> problems = new ArrayList<>();
    List<Validators> setups = new ArrayList<>();
    for (PublicNetwork network : PublicNetwork.values()) {
      if (!ValidatorClient.LODESTAR.knows(network)) {
        continue;
      }
      ValidatorSpec.Builder client = ValidatorSpec.builder().name("vc").client(ValidatorClient.LODESTAR).addPublicKeys(key)
          .addBeaconNodes(URI.create("http://beacon-a:5052"), URI.create("http://beacon-b:5052")).feeRecipient("0x" + "fe".repeat(20));
      setups.add(Validators.builder().name("remote").network(network)
          .web3Signer(Web3Signer.builder().addPublicKeys(key).keystoreSecret("keys").build()).addClient(client.build()).build());
      setups.add(Validators.builder().name("local").network(network).addClient(client.keystoreSecret("keys").graffiti("chainwright").build()).build());
    }
    for (Validators setup : setups) {
      List<String> args = setup.toNetwork().workload("vc").orElseThrow().containers().get(0).args();
      assertThat(args.get(0)).isEqualTo("validator");
      lodestar.problems(args).forEach(p -> problems.add(setup.name() + " on " + setup.network().id() + ": " + p));
    }

    assertThat(setups).hasSizeGreaterThanOrEqualTo(6);
    assertThat(problems).isEmpty();
  }

  /** A typo in an extra flag is refused when the spec is built, not found when the pod crash-loops. */
  @Test
  void aUsersExtraFlagsAreCheckedAgainstThePinnedReleaseUnlessTheyPinTheirOwnImage() {
    assertThatThrownBy(() -> ConsensusSpec.builder().client(ConsensusClient.LODESTAR)
        .addExtraArgs("--targetPeers=60", "--rest.corsOrigins=https://app.example.org").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("consensus.extraArgs: --rest.corsOrigins=https://app.example.org: not a flag of v1.44.0;"
            + " to pass it anyway, pin an image of your own");
    assertThat(ConsensusSpec.builder().client(ConsensusClient.LODESTAR).image(Image.of("example/lodestar:next"))
        .addExtraArgs("--rest.corsOrigins=https://app.example.org").build().extraArgs()).hasSize(1);
    assertThatThrownBy(() -> ValidatorSpec.builder().name("vc").client(ValidatorClient.LODESTAR).addPublicKeys("0x" + "a1".repeat(48))
        .addBeaconNodes(URI.create("http://beacon:5052")).feeRecipient("0x" + "fe".repeat(20)).addExtraArgs("--doppelgangerProtection", "--suggestedFeeRecipent=0x00").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("clients[vc].extraArgs: --suggestedFeeRecipent=0x00: not a flag of v1.44.0");
    assertThat(ConsensusSpec.builder().client(ConsensusClient.TEKU).addExtraArgs("--anything-goes").build().extraArgs())
        .as("no list is kept for Teku").hasSize(1);
  }

  @Test
  void anvilsOwnHelpListsEveryFlagADevnetGivesIt() throws Exception {
    Process help = new ProcessBuilder(TestTools.anvil().toString(), "--help").redirectErrorStream(true).start();
    String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(help.waitFor()).isZero();
    Set<String> known = Pattern.compile("--[a-z0-9][a-z0-9-]*").matcher(text).results().map(MatchResult::group).collect(Collectors.toSet());
    AnvilDevnet everything = AnvilDevnet.builder().chainId(4242).accounts(3).balanceEther(77).blockTime(Duration.ofSeconds(2))
        .forkUrl(URI.create("https://rpc.example.org")).forkBlockNumber(21_000_000L).build();

    List<String> args = everything.toNetwork().workloads().get(0).containers().get(0).args();

    assertThat(args).filteredOn(a -> a.startsWith("--")).hasSizeGreaterThan(8).allSatisfy(flag -> assertThat(known).contains(flag));
  }

  @Test
  void aFlagTheReleaseDoesNotKnowOrMarksDeprecatedIsReported() {
    FlagList lodestar = LodestarOptions.BEACON;

    assertThat(lodestar.problems(List.of("beacon", "--jwt-secret=/jwt", "--rest.cors=https://a.example.org", "--eth1.providerUrls=http://x",
        "--rest.corsOrigins=x", "--network=holesky")))
        .containsExactly("--eth1.providerUrls=http://x: deprecated at v1.44.0", "--rest.corsOrigins=x: not a flag of v1.44.0",
            "--network=holesky: v1.44.0 takes only [chiado, dev, ephemery, gnosis, hoodi, mainnet, sepolia]");
  }
}
