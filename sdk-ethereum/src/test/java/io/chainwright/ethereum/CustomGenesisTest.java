package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.ComposeSchema;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.CustomGenesis;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** On a private network both clients read the genesis volume, and need no checkpoint. */
class CustomGenesisTest {
  private static ComposeSchema schema;

  @BeforeAll
  static void loadSchema() {
    schema = ComposeSchema.load();
  }

  static EthereumNode privateNode(ExecutionClient el, ConsensusClient cl) {
    CustomGenesis genesis = CustomGenesis.builder().networkId(3151908)
        .volume(ConfigVolume.builder().name("genesis").putFile("genesis.json", "{}").putFile("config.yaml", "PRESET_BASE: minimal").build())
        .build();
    return EthereumNode.builder().name("devnet").customGenesis(genesis)
        .execution(ExecutionSpec.of(el))
        .consensus(ConsensusSpec.builder().client(cl).build())
        .build();
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("io.chainwright.ethereum.RenderAllPairsTest#pairs")
  void bothClientsMountTheGenesisAndNameItInTheirFlags(ExecutionClient el, ConsensusClient cl) {
    Network network = privateNode(el, cl).toNetwork();

    for (Workload w : network.workloads()) {
      assertThat(w.containers().get(0).mounts()).as(w.name())
          .anySatisfy(m -> assertThat(m.path()).isEqualTo("/genesis"));
      assertThat(w.allContainers()).flatExtracting(c -> c.args()).as(w.name())
          .anySatisfy(a -> assertThat(a).contains("/genesis"))
          .noneSatisfy(a -> assertThat(a).contains("mainnet"));
    }
    assertThat(schema.problems(ComposeRenderer.render(network).composeYaml())).isEmpty();
  }
}
