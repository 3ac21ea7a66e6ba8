package io.chainwright.fabric.devnet;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Fabric's {@code peer} and {@code orderer} binaries in {@code FABRIC_BIN} or on {@code PATH}.
 * They are optional: without them the tests that need them skip and say why, even where CI
 * requires its other test tools ({@code CHAINWRIGHT_REQUIRE_TOOLS=1}), since nothing in the build
 * provides them.
 */
public record FabricBinaries(Path peer, Path orderer) {
  public static FabricBinaries requireOrSkip() {
    Optional<Path> peer = find("peer");
    Optional<Path> orderer = find("orderer");
    List<String> missing = new ArrayList<>();
    peer.ifPresentOrElse(p -> { }, () -> missing.add("peer"));
    orderer.ifPresentOrElse(p -> { }, () -> missing.add("orderer"));
    Assumptions.assumeTrue(missing.isEmpty(), () -> "Fabric " + String.join(" and ", missing)
        + " not found in FABRIC_BIN or on PATH; these optional binaries are needed to run a real Fabric devnet");
    return new FabricBinaries(peer.orElseThrow(), orderer.orElseThrow());
  }

  /** Both binaries, or empty when either is missing. */
  public static Optional<FabricBinaries> find() {
    Optional<Path> peer = find("peer");
    Optional<Path> orderer = find("orderer");
    return peer.isPresent() && orderer.isPresent() ? Optional.of(new FabricBinaries(peer.get(), orderer.get())) : Optional.empty();
  }

  private static Optional<Path> find(String name) {
    List<String> folders = new ArrayList<>();
    Optional.ofNullable(System.getenv("FABRIC_BIN")).ifPresent(folders::add);
    Optional.ofNullable(System.getenv("PATH")).ifPresent(path -> folders.addAll(List.of(path.split(File.pathSeparator))));
    return folders.stream().filter(folder -> !folder.isBlank())
        .map(folder -> Path.of(folder).resolve(name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
