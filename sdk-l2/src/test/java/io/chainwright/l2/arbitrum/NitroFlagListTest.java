package io.chainwright.l2.arbitrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.ValidationException;
import io.chainwright.api.tools.FlagList;
import io.chainwright.l2.Chains;
import io.chainwright.l2.ParentChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every flag and configuration variable the SDK gives a Nitro node, in every combination it
 * renders, is an option of the pinned release, checked against that release's option list.
 */
class NitroFlagListTest {
  private static final FlagList NITRO = NitroCompiler.OPTIONS;

  /** Each snapshot source or none, archive or not, with and without a beacon API. */
  private static List<NitroNode> nodes() {
    List<NitroNode> nodes = new ArrayList<>();
    for (ParentChain parent : List.of(Chains.SEPOLIA, ParentChain.externalRpc("l1", "rpc-url"))) {
      for (boolean archive : List.of(false, true)) {
        List<Optional<NitroInitSource>> sources = new ArrayList<>();
        sources.add(Optional.empty());
        for (NitroInitSource source : NitroInitSource.values()) {
          if (!(archive && source == NitroInitSource.PRUNED)) {
            sources.add(Optional.of(source));
          }
        }
        for (Optional<NitroInitSource> source : sources) {
          nodes.add(NitroNode.builder().name("arb").chainId(ArbitrumChain.ONE.chainId()).parentChain(parent)
              .archive(archive).initFrom(source).build());
        }
      }
    }
    return nodes;
  }

  /** {@code NITRO_PARENT__CHAIN_CONNECTION_URL} is {@code --parent-chain.connection.url}, as {@code --conf.env-prefix} reads it. */
  private static String asFlag(EnvVar env) {
    String option = env.name().substring(NitroCompiler.ENV_PREFIX.length() + 1).toLowerCase(java.util.Locale.ROOT);
    return "--" + option.replace("__", "-").replace('_', '.');
  }

  @Test
  void everyRenderedOptionIsOneThePinnedReleaseAccepts() {
    List<String> problems = new ArrayList<>();
    List<NitroNode> nodes = nodes();
    for (NitroNode node : nodes) {
      Container nitro = NitroCompiler.workload(node).containers().get(0);
      List<String> options = new ArrayList<>(nitro.args());
      nitro.env().stream().map(NitroFlagListTest::asFlag).forEach(options::add);
      NITRO.problems(options).forEach(p -> problems.add(describe(node) + ": " + p));
    }

    assertThat(nodes).hasSizeGreaterThan(10);
    assertThat(problems).isEmpty();
  }

  @Test
  void theListIsThePinnedReleases() {
    assertThat(NitroCompiler.NITRO.reference()).endsWith(":" + NITRO.tag());
  }

  @Test
  void theListCatchesWhatTheReleaseDoesNotKnow() {
    assertThat(NITRO.problems(List.of("--chain.id=42161", "--http.vhost=arb", "--init.latest=full")))
        .containsExactly("--http.vhost=arb: not a flag of v3.9.5-66e42c4",
            "--init.latest=full: v3.9.5-66e42c4 takes only [archive, genesis, pruned]");
  }

  @Test
  void aUsersExtraFlagsAreCheckedAgainstThePinnedReleaseUnlessTheyPinTheirOwnImage() {
    NitroNode.Builder node = NitroNode.builder().name("arb").chainId(ArbitrumChain.ONE.chainId()).parentChain(Chains.SEPOLIA)
        .addExtraArgs("--node.feed.input.url=wss://arb1-feed.example.org", "--http.vhost=rpc.example.org");

    assertThatThrownBy(node::build).isInstanceOf(ValidationException.class).hasMessageContaining(
        "extraArgs: --http.vhost=rpc.example.org: not a flag of v3.9.5-66e42c4; to pass it anyway, pin an image of your own");
    assertThat(node.image(Image.of("offchainlabs/nitro-node:v3.10.0-rc.1")).build().extraArgs()).hasSize(2);
  }

  private static String describe(NitroNode node) {
    return "archive=" + node.archive() + " init=" + node.initFrom().map(Enum::name).orElse("none")
        + " beacon=" + node.parentChain().orElseThrow().beaconKey().isPresent();
  }
}
