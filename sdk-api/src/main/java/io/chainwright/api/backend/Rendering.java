package io.chainwright.api.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A backend's output for one network: named files of text, ready to write out or inspect. */
public interface Rendering {
  /** Relative file path to content, in a stable order. */
  Map<String, String> files();

  /** Writes every file under {@code directory}, creating folders as needed. */
  default void writeTo(Path directory) throws IOException {
    for (Map.Entry<String, String> file : files().entrySet()) {
      Path target = directory.resolve(file.getKey()).normalize();
      if (!target.startsWith(directory.normalize())) {
        throw new IOException("Refusing to write outside " + directory + ": " + file.getKey());
      }
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
  }
}
