package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.kubernetes.KubernetesBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes rendering of the blockchain-as-a-service and bridge examples, compared with
 * reviewed files under {@code src/test/resources/golden}, their generated values masked (each
 * render makes new material). After an intended change, rerun with {@code -Dgolden.update=true}
 * and review the diff.
 */
class ExampleGoldenYamlTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<Arguments> networks() {
    MaterialStore store = MaterialStore.inMemory();
    List<Network> networks = new ArrayList<>(BaasExample.networks(store));
    networks.add(BridgeExample.network(store));
    return networks.stream().map(n -> Arguments.of(n.name(), n));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void theRenderingIsTheReviewedOne(String name, Network network) throws IOException {
    String yaml = Generated.masked(KubernetesBackend.create().render(network).yaml());
    Path file = GOLDEN.resolve(name + ".yaml");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, yaml);
    }
    assertThat(yaml).isEqualTo(Files.readString(file));
  }
}
