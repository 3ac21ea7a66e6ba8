package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderExamplesTest {
  @Test
  void writesTheModelAndAPictureOfEveryExample(@TempDir Path out) throws IOException {
    RenderExamples.main(new String[] {out.toString()});

    for (Network network : Examples.all()) {
      assertThat(Files.readString(out.resolve("model/" + network.name() + ".yaml"))).startsWith("name: " + network.name() + "\n");
      assertThat(Files.readString(out.resolve("diagrams/" + network.name() + ".mmd"))).startsWith("flowchart LR\n");
    }
  }

  @Test
  void theFreshJwtSecretNeverReachesTheWrittenModel(@TempDir Path out) throws IOException {
    Network node = EthereumNodeExample.network();
    String jwt = new String(node.secret("jwt").orElseThrow().data().get("jwt.hex").resolve());

    RenderExamples.render(List.of(node), out);

    assertThat(jwt).hasSize(64);
    assertThat(Files.readString(out.resolve("model/eth-mainnet.yaml"))).contains("jwt.hex");
    try (var files = Files.walk(out)) {
      files.filter(Files::isRegularFile).forEach(f -> assertThat(read(f)).doesNotContain(jwt));
    }
  }

  @Test
  void everyNodeGetsItsOwnJwtSecret() {
    assertThat(EthereumNodeExample.network().secret("jwt"))
        .isNotEqualTo(EthereumNodeExample.network().secret("jwt"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
