package io.chainwright.l2;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.EnvVar;
import io.chainwright.api.Network;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.ValidationException;
import io.chainwright.l2.opstack.CustomRollup;
import io.chainwright.l2.opstack.OpBatcher;
import io.chainwright.l2.opstack.OpNetwork;
import io.chainwright.l2.opstack.OpProposer;
import io.chainwright.l2.opstack.OpSequencer;
import io.chainwright.l2.opstack.OpStackChain;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Random OP Stack chains either build into a network or fail with one ValidationException, never anything else. */
class OpStackPropertiesTest {
  @Property(tries = 2_000)
  void randomChainsFailOnlyWithValidationException(
      @ForAll("names") String name, @ForAll Optional<OpNetwork> preset, @ForAll boolean custom,
      @ForAll("l1s") Optional<ParentChain> l1, @ForAll boolean generateJwt, @ForAll boolean namedJwt,
      @ForAll boolean sequencer, @ForAll boolean batcher, @ForAll boolean proposer,
      @ForAll("args") List<String> batcherArgs, @ForAll("durations") String interval, @ForAll("bootnodes") List<String> bootnodes) {
    try {
      OpStackChain.Builder chain = OpStackChain.builder().name(name).network(preset).l1(l1)
          .generateJwt(generateJwt).bootnodes(bootnodes);
      if (custom) {
        chain.customRollup(CustomRollup.builder().rollupJson(Chains.ROLLUP_JSON).genesisJson(Chains.GENESIS_JSON).build());
      }
      if (namedJwt) {
        chain.jwtSecret("jwt");
      }
      if (sequencer) {
        chain.sequencer(OpSequencer.of(SecretKeyRef.of("keys", "p2p")));
      }
      if (batcher) {
        chain.batcher(OpBatcher.builder().privateKey(SecretKeyRef.of("keys", "batcher")).pollInterval(interval)
            .extraArgs(batcherArgs).addExtraEnv(EnvVar.literal("OP_BATCHER_LOG_LEVEL", "info")).build());
      }
      if (proposer) {
        chain.proposer(OpProposer.builder().privateKey(SecretKeyRef.of("keys", "proposer")).proposalInterval(interval)
            .gameFactoryAddress("0x05F9613aDB30026FFd634f38e5C4dFd30a197Fa1").build());
      }
      Network network = chain.build().addTo(Chains.network("chain").addSecret(io.chainwright.api.Secret.provided("jwt"))).build();
      assertThat(network.workloads()).hasSizeGreaterThanOrEqualTo(2);
      Statistics.collect("built");
    } catch (ValidationException e) {
      assertThat(e.violations()).isNotEmpty();
      Statistics.collect("refused");
    }
    Statistics.coverage(c -> {
      c.check("built").percentage(p -> p > 1);
      c.check("refused").percentage(p -> p > 20);
    });
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of("op", "chain-1", "Op", "", "x".repeat(60));
  }

  @Provide
  Arbitrary<Optional<ParentChain>> l1s() {
    return Arbitraries.of(Chains.SEPOLIA, ParentChain.externalRpc("l1", "rpc-url")).optional(0.9);
  }

  @Provide
  Arbitrary<List<String>> args() {
    return Arbitraries.of("--log.level=info", "--private-key=0x01", "--mnemonic", "").list().ofMaxSize(2);
  }

  @Provide
  Arbitrary<String> durations() {
    return Arbitraries.of("1s", "12s", "1h30m", "soon", "");
  }

  @Provide
  Arbitrary<List<String>> bootnodes() {
    return Arbitraries.of("enr:-J24QNz9", "/ip4/1.2.3.4/tcp/9222/p2p/16Uiu2", "peer").list().ofMaxSize(2);
  }
}
