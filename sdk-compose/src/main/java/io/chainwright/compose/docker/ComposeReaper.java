package io.chainwright.compose.docker;

import io.chainwright.api.PlatformException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tears a Compose project down when the JVM that deployed it is gone, however it went: a shell
 * that outlives the JVM polls its pid once a second, then runs {@code down}. This is what
 * Testcontainers' Ryuk does, without an image to pull. Named volumes stay, as on every teardown
 * not asked to delete them.
 */
final class ComposeReaper {
  /** {@code $0} is the JVM's pid and the rest is the command to run once it has exited. */
  private static final String WATCH = "while kill -0 \"$0\" 2>/dev/null; do sleep 1; done; exec \"$@\"";
  static final String LOG = "reaper.log";

  private ComposeReaper() {}

  /** Starts the watcher in {@code dir}, with the client's environment; destroy the process to call it off. */
  static Process watch(Path dir, Map<String, String> environment, List<String> down) {
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WATCH, Long.toString(ProcessHandle.current().pid())));
    command.addAll(down);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectErrorStream(true).redirectOutput(dir.resolve(LOG).toFile());
    builder.environment().putAll(environment);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new PlatformException("start", "the teardown watcher in " + dir, e.getMessage(), e);
    }
  }
}
