package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.ComposeSchema;
import io.chainwright.compose.TestTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderExamplesTest {
  @Test
  void writesTheModelAndAPictureOfEveryExample(@TempDir Path out) throws IOException {
    RenderExamples.render(Examples.all(MaterialStore.inMemory()), out);

    for (Network network : Examples.all(MaterialStore.inMemory())) {
      assertThat(Files.readString(out.resolve("model/" + network.name() + ".yaml"))).startsWith("name: " + network.name() + "\n");
      assertThat(Files.readString(out.resolve("diagrams/" + network.name() + ".mmd"))).startsWith("flowchart LR\n");
      assertThat(Files.readString(out.resolve("compose/" + network.name() + "/compose.yaml")).replaceAll("(?m)^#.*\n", "")).startsWith("services:\n");
    }
  }

  @Test
  void everyExampleRendersToAValidComposeFile() {
    ComposeSchema schema = ComposeSchema.load();

    for (Network network : Examples.all(MaterialStore.inMemory())) {
      assertThat(schema.problems(ComposeRenderer.render(network).composeYaml())).as(network.name()).isEmpty();
    }
  }

  @Test
  void everyExampleIsAProjectComposeV1Accepts(@TempDir Path out) throws Exception {
    Path compose = TestTools.systemProgram("docker-compose", "docker-compose");
    RenderExamples.render(Examples.all(MaterialStore.inMemory()), out);

    for (Network network : Examples.all(MaterialStore.inMemory())) {
      Process config = new ProcessBuilder(compose.toString(), "--file", "compose.yaml", "config", "--quiet")
          .directory(out.resolve("compose/" + network.name()).toFile()).redirectErrorStream(true).start();
      String said = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(config.waitFor()).as(network.name() + ": " + said).isZero();
      // Unset variables are the caller's to set before starting; anything else v1.29 says is a problem.
      assertThat(said.lines().filter(line -> !line.matches("The \\w+ variable is not set\\. Defaulting to a blank string\\.")))
          .as(network.name()).isEmpty();
    }
  }

  @Test
  void theFreshJwtSecretNeverReachesTheWrittenModel(@TempDir Path out) throws IOException {
    Network node = EthereumNodeExample.network(MaterialStore.inMemory());
    String jwt = new String(node.secret("jwt").orElseThrow().data().get("jwt.hex").resolve());

    RenderExamples.render(List.of(node), out);

    assertThat(jwt).hasSize(64);
    assertThat(Files.readString(out.resolve("model/eth-mainnet.yaml"))).contains("jwt.hex");
    Path secretFile = out.resolve("compose/eth-mainnet/secrets/jwt/jwt.hex");
    assertThat(Files.readString(secretFile)).isEqualTo(jwt);
    try (var files = Files.walk(out)) {
      files.filter(Files::isRegularFile).filter(f -> !f.equals(secretFile)).forEach(f -> assertThat(read(f)).doesNotContain(jwt));
    }
  }

  @Test
  void theDevnetRunsOnHostProcessesAndAnswers(@TempDir Path out) throws Exception {
    String report = RunDevnet.run(TestTools.anvil(), out);

    assertThat(report).contains("eth_chainId {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x7a69\"}");
    assertThat(report).containsPattern("contract Counter at 0x[0-9a-fA-F]{40} in block [1-9][0-9]*");
    assertThat(Files.readString(out.resolve("devnet.txt"))).isEqualTo(report);
  }

  @Test
  void eachStoreGivesANodeItsOwnJwtSecretAndOneStoreKeepsIt() {
    MaterialStore store = MaterialStore.inMemory();

    assertThat(EthereumNodeExample.network(store).secret("jwt")).isEqualTo(EthereumNodeExample.network(store).secret("jwt"))
        .isNotEqualTo(EthereumNodeExample.network(MaterialStore.inMemory()).secret("jwt"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
