package io.chainwright.api.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** A backend's output for one network: named files of text, ready to write out or inspect. */
public interface Rendering {
  /** The rendered network's name. */
  String name();

  /** Relative file path to content, in a stable order. */
  Map<String, String> files();

  /**
   * Writes every file under {@code directory}, creating folders as needed, and deletes the files an
   * earlier write of this network left there that this one no longer has (a route that replaced an
   * ingress, a secret that is gone), so a folder GitOps applies holds exactly the network. Only files
   * written by an earlier rendering of the same network are ever deleted ({@link WrittenFiles}).
   */
  default void writeTo(Path directory) throws IOException {
    WrittenFiles.replace(directory, name(), writeFiles(directory));
  }

  /** Writes the files and returns their paths relative to {@code directory}. */
  default Collection<String> writeFiles(Path directory) throws IOException {
    for (Map.Entry<String, String> file : files().entrySet()) {
      Files.writeString(prepare(directory, file.getKey()), file.getValue());
    }
    return files().keySet();
  }

  /** The target of {@code relative} under {@code directory}, with its folders created; never outside it. */
  static Path prepare(Path directory, String relative) throws IOException {
    Path target = directory.resolve(relative).normalize();
    if (!target.startsWith(directory.normalize())) {
      throw new IOException("Refusing to write outside " + directory + ": " + relative);
    }
    Files.createDirectories(target.getParent());
    return target;
  }
}
