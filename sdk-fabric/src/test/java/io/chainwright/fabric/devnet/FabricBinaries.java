package io.chainwright.fabric.devnet;

import io.chainwright.api.tools.LocalTools;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Fabric's {@code peer} and {@code orderer} binaries where {@link LocalTools} looks, and in
 * {@code FABRIC_BIN}. They are optional: without them the tests that need them skip and say why,
 * even where CI requires its other test tools ({@code CHAINWRIGHT_REQUIRE_TOOLS=1}), since nothing
 * in the build provides them.
 */
public record FabricBinaries(Path peer, Path orderer) {
  public static FabricBinaries requireOrSkip() {
    Optional<FabricBinaries> found = find();
    Assumptions.assumeTrue(found.isPresent(), () -> "Fabric peer or orderer not found (FABRIC_BIN, PATH, tools folders); these "
        + "optional binaries run a real Fabric devnet. " + FabricTools.PEER.installHint());
    return found.orElseThrow();
  }

  /** Both binaries, or empty when either is missing. */
  public static Optional<FabricBinaries> find() {
    LocalTools tools = tools();
    Optional<Path> peer = tools.find(FabricTools.PEER.program());
    Optional<Path> orderer = tools.find(FabricTools.ORDERER.program());
    return peer.isPresent() && orderer.isPresent() ? Optional.of(new FabricBinaries(peer.get(), orderer.get())) : Optional.empty();
  }

  /** Where the SDK looks, with {@code FABRIC_BIN} (a release's bin folder) as one more tools folder. */
  private static LocalTools tools() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    Optional.ofNullable(System.getenv("FABRIC_BIN")).ifPresent(bin -> environment.merge(LocalTools.TOOLS_DIR_VARIABLE, bin,
        (mine, fabric) -> mine + File.pathSeparator + fabric));
    return LocalTools.of(environment);
  }
}
