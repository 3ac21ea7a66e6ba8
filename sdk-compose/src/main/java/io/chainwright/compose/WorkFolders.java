package io.chainwright.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local runtimes make fresh folders when the caller names none: in the folder the
 * {@value #TEMP_ROOT_PROPERTY} system property names, or else in the system's temporary folder,
 * which is often a small in-memory file system and a poor place for chain data.
 */
public final class WorkFolders {
  public static final String TEMP_ROOT_PROPERTY = "chainwright.tempRoot";

  private WorkFolders() {}

  /** A new, empty folder whose name starts with {@code prefix}. */
  public static Path fresh(String prefix) throws IOException {
    String root = System.getProperty(TEMP_ROOT_PROPERTY);
    return root == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(Files.createDirectories(Path.of(root)), prefix);
  }
}
