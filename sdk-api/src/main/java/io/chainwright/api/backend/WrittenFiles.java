package io.chainwright.api.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The record of what a rendering wrote into a folder, kept beside it in {@value #FOLDER}, one file
 * per network: the next write of the same network deletes what it no longer has, and nothing else.
 * Several networks may share a folder; files a person put there are never on any record.
 */
public final class WrittenFiles {
  /** The folder, inside the output folder, that holds one record per network. */
  public static final String FOLDER = ".chainwright";

  private WrittenFiles() {}

  /**
   * Records {@code written} as what network {@code rendering} now has in {@code directory}, after
   * deleting each file its previous record lists and {@code written} does not, and the folders that
   * leaves empty.
   */
  public static void replace(Path directory, String rendering, Collection<String> written) throws IOException {
    Path record = record(directory, rendering);
    Set<String> now = new TreeSet<>(written);
    if (Files.exists(record)) {
      for (String stale : Files.readAllLines(record, StandardCharsets.UTF_8)) {
        if (!stale.isBlank() && !now.contains(stale)) {
          delete(directory, stale);
        }
      }
    }
    Files.createDirectories(record.getParent());
    Files.write(record, List.copyOf(now), StandardCharsets.UTF_8);
  }

  /** What the last write of network {@code rendering} put in {@code directory}; empty if none is on record. */
  public static Set<String> of(Path directory, String rendering) throws IOException {
    Path record = record(directory, rendering);
    return Files.exists(record) ? new TreeSet<>(Files.readAllLines(record, StandardCharsets.UTF_8)) : Set.of();
  }

  private static Path record(Path directory, String rendering) throws IOException {
    if (!rendering.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
      throw new IOException("'" + rendering + "' cannot name a record of written files");
    }
    return directory.resolve(FOLDER).resolve(rendering + ".files");
  }

  private static void delete(Path directory, String relative) throws IOException {
    Path root = directory.toAbsolutePath().normalize();
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      return; // a record edited by hand to point elsewhere is not followed
    }
    Files.deleteIfExists(target);
    for (Path folder = target.getParent(); folder != null && !folder.equals(root); folder = folder.getParent()) {
      try {
        Files.deleteIfExists(folder);
      } catch (DirectoryNotEmptyException stillUsed) {
        return;
      }
    }
  }
}
