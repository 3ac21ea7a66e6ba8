package io.chainwright.compose.host;

import io.chainwright.api.Container;
import io.chainwright.api.PlatformException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the local binary that stands in for a container image, in this order: an explicit mapping
 * (by image repository or program name), an environment variable {@code CHAINWRIGHT_BIN_<PROGRAM>},
 * then {@code PATH}. The program is the container's command, or the image's last path segment.
 */
final class BinaryResolver {
  private final Map<String, Path> mapping;
  private final Map<String, String> environment;

  BinaryResolver(Map<String, Path> mapping, Map<String, String> environment) {
    this.mapping = Map.copyOf(mapping);
    this.environment = Map.copyOf(environment);
  }

  /** The program a container runs: its command's first word, or its image's name. */
  static String program(Container c) {
    if (!c.command().isEmpty()) {
      return Path.of(c.command().get(0)).getFileName().toString();
    }
    String repository = c.image().repository();
    return repository.substring(repository.lastIndexOf('/') + 1);
  }

  /** The variable that may point at the program's binary. */
  static String variable(String program) {
    return "CHAINWRIGHT_BIN_" + program.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  Path resolve(String service, Container c) {
    String program = program(c);
    String repository = c.image().repository();
    Optional<Path> found = Optional.ofNullable(mapping.get(repository))
        .or(() -> Optional.ofNullable(mapping.get(program)))
        .or(() -> Optional.ofNullable(environment.get(variable(program))).map(Path::of))
        .or(() -> onPath(program));
    return found.filter(Files::isExecutable).orElseThrow(() -> new PlatformException("start", "service " + service,
        "no binary for image " + c.image() + " (program '" + program + "'): map it with HostRuntime.builder().binary(\""
            + repository + "\", path), set " + variable(program) + ", or put '" + program + "' on PATH"));
  }

  private Optional<Path> onPath(String program) {
    String path = environment.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, program);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
