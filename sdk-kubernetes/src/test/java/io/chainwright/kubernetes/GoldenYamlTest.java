package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Compares the rendering with reviewed files under {@code src/test/resources/golden}. After an
 * intended change, rerun with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenYamlTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void smallNetwork() throws IOException {
    check(RichNetwork.small());
  }

  @Test
  void richNetwork() throws IOException {
    check(RichNetwork.rich());
  }

  private static void check(Network network) throws IOException {
    String yaml = KubernetesBackend.create().render(network).yaml();
    Path file = GOLDEN.resolve(network.name() + ".yaml");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, yaml);
    }
    assertThat(yaml).isEqualTo(Files.readString(file));
  }
}
