package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.volume.ConfigVolume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples built from the Ethereum specs: what they contain, and that their generated secrets stay secret. */
class EthereumExamplesTest {
  private static List<Network> ethereumExamples() {
    return List.of(MainnetRpcNodeExample.network(MaterialStore.inMemory()), RpcPoolExample.network(MaterialStore.inMemory()), ValidatorsExample.network(MaterialStore.inMemory()),
        BesuNetworkExample.network(MaterialStore.inMemory()));
  }

  @Test
  void eachExampleHoldsWhatItsDescriptionPromises() {
    assertThat(MainnetRpcNodeExample.network(MaterialStore.inMemory()).workload("mainnet-geth").orElseThrow().volume("ancient")).isPresent();
    assertThat(RpcPoolExample.network(MaterialStore.inMemory()).workload("rpc-lb").orElseThrow().volume("config")).isPresent();
    assertThat(RpcPoolExample.network(MaterialStore.inMemory()).workloads()).hasSize(9);
    assertThat(RpcPoolExample.network(MaterialStore.inMemory()).workload("node-probes").orElseThrow().metrics().orElseThrow()
        .targets()).extracting(t -> t.name()).contains("rpc-a-geth-synced", "rpc-c-lodestar-peers", "rpc-lb-synced",
            "rpc-internal-synced");
    assertThat(RpcPoolExample.network(MaterialStore.inMemory()).workload("rpc-internal").orElseThrow().volume("config"))
        .hasValueSatisfying(config -> assertThat(((ConfigVolume) config).files()).containsOnlyKeys("envoy.yaml"));
    assertThat(ValidatorsExample.network(MaterialStore.inMemory()).workload("vc-teku").orElseThrow().replicas()).isEqualTo(2);
    assertThat(ValidatorsExample.network(MaterialStore.inMemory()).workload("web3signer-db")).isPresent();
    assertThat(BesuNetworkExample.network(MaterialStore.inMemory()).workloads()).hasSize(5);
    assertThat(Examples.all(MaterialStore.inMemory())).extracting(Network::name)
        .contains("mainnet-rpc", "rpc-pool", "staking", "consortium");
  }

  @Test
  void generatedSecretsAppearOnlyWhereSecretsAreWritten(@TempDir Path out) throws IOException {
    List<Network> networks = ethereumExamples();
    RenderExamples.render(networks, out);
    for (Network network : networks) {
      for (Secret secret : network.secrets()) {
        for (SecretValue value : secret.data().values()) {
          if (value.env().isPresent() || value.file().isPresent() || secret.provided()) {
            continue;
          }
          String raw = new String(value.resolve(), StandardCharsets.US_ASCII);
          try (Stream<Path> files = Files.walk(out)) {
            files.filter(Files::isRegularFile).filter(f -> read(f).contains(raw))
                .forEach(f -> assertThat(out.relativize(f).toString()).as(secret.name() + " found in " + f)
                    .matches("compose/" + network.name() + "/(secrets/.*|\\.env)"));
          }
        }
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
