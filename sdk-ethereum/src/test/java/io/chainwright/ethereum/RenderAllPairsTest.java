package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.ComposeSchema;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.el.ExecutionClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every execution and consensus client pair compiles into a network that renders as a valid Compose project. */
class RenderAllPairsTest {
  private static ComposeSchema schema;

  @BeforeAll
  static void loadSchema() {
    schema = ComposeSchema.load();
  }

  static Stream<Arguments> pairs() {
    return Stream.of(ExecutionClient.values())
        .flatMap(el -> Stream.of(ConsensusClient.values()).map(cl -> Arguments.of(el, cl)));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("pairs")
  void rendersASchemaValidComposeProjectWithoutTheSecretInIt(ExecutionClient el, ConsensusClient cl) {
    Network network = Nodes.mainnet(el, cl).build().toNetwork();
    ComposeProject project = ComposeRenderer.render(network);
    String hex = new String(network.secrets().get(0).data().get("jwt.hex").resolve(), java.nio.charset.StandardCharsets.US_ASCII);

    assertThat(schema.problems(project.composeYaml())).isEmpty();
    assertThat(project.composeYaml()).contains("node-" + el.id() + ":", "node-" + cl.id() + ":").doesNotContain(hex);
    assertThat(project.files().values()).noneMatch(text -> text.contains(hex));
  }
}
