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
      Files.writeString(prepare(directory, file.getKey()), file.getValue());
    }
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
