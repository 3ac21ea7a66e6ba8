package io.chainwright.l2.polygon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.chainwright.api.Container;
import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.compose.TestTools;
import io.chainwright.l2.Chains;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sequencer's and aggregator's keystore password reaches zkevm-node's TOML, and nowhere else:
 * the rendered config holds a placeholder, and the setup step's awk program, run here by busybox
 * (the step image's release) and by the system's awk, writes the password in, whatever characters
 * it holds, or refuses one the TOML cannot take.
 */
class KeystorePasswordStepTest {
  @TempDir Path dir;

  private static Network cdk() {
    return Chains.cdk().build().addTo(Chains.network("cdk")).build();
  }

  private String template(String component) {
    Workload w = cdk().workload("cdk-" + component).orElseThrow();
    return ((ConfigVolume) w.volume("config").orElseThrow()).files().get("config.toml");
  }

  /**
   * Runs the step's awk program with its folders under {@code dir}; returns its exit code. With
   * {@code busybox}, busybox's awk, as in the step's image (the same busybox release); otherwise the
   * system's awk.
   */
  private int run(String password, boolean busybox) throws IOException, InterruptedException {
    Path templates = Files.createDirectories(dir.resolve("config"));
    Path keystores = Files.createDirectories(dir.resolve("keystores"));
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(templates.resolve("config.toml"), template("sequencer"));
    Files.writeString(keystores.resolve("password"), password + "\n"); // as written by hand, with a final newline
    String program = KeystorePasswordStep.program("keys", templates.toString(), keystores.toString(), out.toString());
    List<String> awk = busybox ? List.of(TestTools.systemProgram("busybox", "busybox-static").toString(), "awk")
        : List.of(TestTools.systemProgram("awk", "mawk").toString());
    List<String> command = new ArrayList<>(awk);
    command.add(program);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("step.log").toFile()).start();
    return process.waitFor();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "testonly | false", "testonly | true",
      "p&ss\\w0rd\"$HOME`id` | false", "p&ss\\w0rd\"$HOME`id` | true",
      "a b\tc ü 🙂 | false", "a b\tc ü 🙂 | true"})
  void theNodeReadsThePasswordFromTheFinishedToml(String password, boolean busybox) throws Exception {
    assertThat(run(password, busybox)).as(Files.readString(dir.resolve("step.log"))).isZero();

    JsonNode toml = new TomlMapper().readTree(dir.resolve("out/config.toml").toFile());
    assertThat(toml.at("/SequenceSender/PrivateKey/Password").asText()).isEqualTo(password);
    assertThat(toml.at("/SequenceSender/PrivateKey/Path").asText()).isEqualTo("/keystores/sequencer.keystore");
    List<String> passwords = new ArrayList<>();
    toml.at("/EthTxManager/PrivateKeys").forEach(k -> passwords.add(k.path("Password").asText()));
    assertThat(passwords).containsExactly(password, password);
    assertThat(Files.readString(dir.resolve("out/config.toml"), StandardCharsets.UTF_8)).doesNotContain(KeystorePasswordStep.PLACEHOLDER);
  }

  static List<Arguments> refusedPasswords() {
    List<Arguments> cases = new ArrayList<>();
    for (String password : List.of("it's", "two\nlines", "carriage\rreturn", "")) {
      cases.add(Arguments.of(password, true));
      cases.add(Arguments.of(password, false));
    }
    return cases;
  }

  @ParameterizedTest
  @MethodSource("refusedPasswords")
  void aPasswordTheTomlCannotHoldStopsTheStepNamingTheSecret(String password, boolean busybox) throws Exception {
    assertThat(run(password, busybox)).isNotZero();
    assertThat(Files.readString(dir.resolve("step.log"))).contains("secret keys", "single quote");
    assertThat(dir.resolve("out/config.toml")).doesNotExist();
  }

  @Test
  void signersReadTheFinishedTomlFromMemoryAndNoPasswordIsInTheConfigOrTheEnvironment() {
    Network n = cdk();
    for (String signer : List.of("sequencer", "aggregator")) {
      Workload w = n.workload("cdk-" + signer).orElseThrow();
      Container node = w.containers().get(0);
      assertThat(node.args()).containsSequence("--cfg", "/node-config/config.toml");
      assertThat(node.env()).noneMatch(e -> e.name().contains("PASSWORD") && e.name().contains("KEY"));
      assertThat(w.initContainers()).singleElement().satisfies(init -> assertThat(init.name()).isEqualTo("keystore-password"));
      assertThat(((ScratchVolume) w.volume("node-config").orElseThrow()).inMemory()).isTrue();
      assertThat(template(signer)).contains("Password = '" + KeystorePasswordStep.PLACEHOLDER + "'");
    }
    Workload rpc = n.workload("cdk-rpc").orElseThrow();
    assertThat(rpc.containers().get(0).args()).containsSequence("--cfg", "/config/config.toml");
    assertThat(template("rpc")).doesNotContain("Password");
    assertThat(rpc.initContainers()).isEmpty();
  }
}
