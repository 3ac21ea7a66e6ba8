package io.chainwright.ethereum;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Finds a program installed on the machine (PATH, then the sbin folders); a test that needs a missing one is skipped, saying so. */
final class SystemBinary {
  private SystemBinary() {}

  static Path require(String program, String why) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/sbin"));
    for (String dir : dirs) {
      if (!dir.isBlank()) {
        Path candidate = Path.of(dir, program);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    Assumptions.abort(program + " is not installed on this machine; " + why);
    throw new AssertionError("unreachable");
  }
}
