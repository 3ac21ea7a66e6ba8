package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.tools.LocalTools;
import io.chainwright.compose.TestTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/jshell} as a newcomer runs it: refusing an old JDK, and running the JShell examples. */
class JShellLauncherTest {
  private static final Path REPO = Path.of("").toAbsolutePath().getParent();
  private static final Path LAUNCHER = REPO.resolve("bin/jshell");

  @TempDir Path temp;

  @Test
  void refusesAJdkOlderThan21NamingItAndHowToChooseAnother() throws Exception {
    Path old = olderJdk().orElse(fakeJdk17());

    Result result = run(old, List.of(), "");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.output())
        .contains("Chainwright needs JDK 21 or newer; found JDK 1")
        .contains(" at " + old + " (from JAVA_HOME)")
        .contains("JAVA_HOME=");
  }

  @Test
  void startsWithTheSdkAndItsImportsOnThisJdk() throws Exception {
    Result result = run(thisJdk(), List.of("-q"), "Port.tcp(\"rpc\", 70000)\nDevnetExample.network().name()\n"
        // One type of each of the model's packages and of the newest domain package, by its simple name.
        + "VolumeMount.readOnly(\"config\", \"/etc/mounted-here\").path()\nProbe.http(\"rpc\", \"/probed-here\").periodSeconds()\n"
        + "Exposure.internal().getClass().getSimpleName()\nTopology.ZONE\nProbeModule.CL_PEERS.moduleName()\n/exit\n");

    assertThat(result.exit()).isZero();
    assertThat(result.output())
        .contains("ports[rpc].number: 70000 is not a port (1-65535)")
        .contains("\"devnet\"")
        .contains("\"/etc/mounted-here\"", "==> 10", "InternalExposure", "ZONE", "\"cl_peers\"")
        .doesNotContain("cannot find symbol");
  }

  @Test
  void theRenderExamplePrintsKubernetesAndComposeYaml() throws Exception {
    Result result = run(thisJdk(), List.of(REPO.resolve("examples/jshell/render.jsh").toString()), "");

    assertThat(result.exit()).isZero();
    assertThat(result.output()).contains("kind: Deployment").contains("name: anvil").contains("services:").contains("anvil:");
  }

  @Test
  void theTenantsExamplePrintsAQuotaAndWhatATooSmallPlanSays() throws Exception {
    Result result = run(thisJdk(), List.of(REPO.resolve("examples/jshell/tenants.jsh").toString()), "");

    assertThat(result.exit()).isZero();
    assertThat(result.output()).contains("chainwright.io/tenant=acme", "kind: ResourceQuota", "requests.cpu: \"8\"")
        .contains("tenants[acme].networks[acme-mainnet].quota.cpu: CPU requested (", ") is more than the plan 'tiny' allows (1)");
  }

  @Test
  void theDevnetExampleSendsATransferOnARealAnvil() throws Exception {
    TestTools.anvil(); // skips (fails in CI) when the build did not install it
    Result result = run(thisJdk(), List.of(REPO.resolve("examples/jshell/devnet.jsh").toString()), "");

    assertThat(result.exit()).isZero();
    assertThat(result.output()).containsPattern("transfer mined in block [1-9]").contains("10001000000000000000000 wei");
  }

  @Test
  void theFabricExampleReadsTheChannelHeightFromRealPeers() throws Exception {
    LocalTools tools = LocalTools.system();
    Assumptions.assumeTrue(tools.find("peer").isPresent() && tools.find("orderer").isPresent(),
        "Fabric peer and orderer are not installed here; the Fabric JShell example needs them");
    Result result = run(thisJdk(), List.of(REPO.resolve("examples/jshell/fabric.jsh").toString()), "");

    assertThat(result.exit()).isZero();
    assertThat(result.output()).containsPattern("channel trade has [1-9][0-9]* blocks");
  }

  private record Result(int exit, String output) {}

  private Result run(Path jdk, List<String> arguments, String input) throws IOException, InterruptedException {
    Path output = temp.resolve("jshell-output.txt");
    ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(LAUNCHER.toString()), arguments.stream()).toList())
        .directory(temp.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("JAVA_HOME", jdk.toString());
    Process process = builder.start();
    try (var stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("bin/jshell did not exit within 3 minutes:\n" + Files.readString(output));
    }
    return new Result(process.exitValue(), Files.readString(output));
  }

  private static Path thisJdk() {
    return Path.of(System.getProperty("java.home"));
  }

  /** A real JDK below 21 installed beside this one, such as a distribution's JDK 17. */
  private static Optional<Path> olderJdk() throws IOException {
    try (Stream<Path> jdks = Files.list(thisJdk().getParent())) {
      return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/javac")))
          .filter(jdk -> release(jdk).filter(v -> v.matches("(1\\.)?([0-9]|1[0-9]|20)(\\..*)?")).isPresent())
          .findFirst();
    }
  }

  private static Optional<String> release(Path jdk) {
    try {
      return Files.readAllLines(jdk.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
          .map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", "")).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Where no old JDK is installed: a JDK home whose java reports version 17, as JDK 17's does. */
  private Path fakeJdk17() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("jdk-17/bin"));
    for (String tool : List.of("java", "javac", "jshell")) {
      Files.writeString(bin.resolve(tool), "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
      Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return bin.getParent();
  }
}
