package io.chainwright.compose.docker;

import io.chainwright.api.PlatformException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Compose command line that is present: {@code docker compose} (v2) where the plugin is
 * installed, else {@code docker-compose} (v1.29). Both take the same subcommands for what the
 * runtime does with them; where they differ (v1 has no {@code --wait}, no JSON {@code ps}), the
 * runtime asks the engine instead.
 *
 * @param command the program and, for v2, its subcommand
 * @param version the version it reports, such as {@code 2.29.7} or {@code 1.29.2}
 */
record ComposeCli(List<String> command, String version) {
  private static final Duration ASK = Duration.ofSeconds(20);

  ComposeCli {
    command = List.copyOf(command);
  }

  /** Finds the Compose CLI next to {@code cli}'s docker client; an error saying what to install when there is none. */
  static ComposeCli detect(DockerCli cli) {
    List<String> v2 = List.of(cli.docker(), "compose");
    DockerCli.Result r = cli.run(ASK, append(v2, "version", "--short"));
    if (r.ok() && !r.stdout().isBlank()) {
      return new ComposeCli(v2, r.stdout().strip());
    }
    List<String> v1 = List.of("docker-compose");
    try {
      r = cli.run(ASK, append(v1, "version", "--short"));
    } catch (PlatformException absent) {
      throw new PlatformException("find", "a Compose CLI", "neither 'docker compose' (v2) nor 'docker-compose' (v1.29) runs here;"
          + " install one (Debian: the docker-compose package)");
    }
    if (!r.ok()) {
      throw new PlatformException("find", "a Compose CLI", "docker-compose version exited " + r.exitCode() + ": " + DockerCli.firstLine(r.stderr()));
    }
    return new ComposeCli(v1, r.stdout().strip());
  }

  /** Whether this is Compose v2, which has {@code --wait} and JSON output. */
  boolean isV2() {
    return command.size() == 2;
  }

  /** How the log names it, e.g. {@code docker-compose 1.29.2 (Compose v1)}. */
  String describe() {
    return String.join(" ", command) + " " + version + (isV2() ? " (Compose v2)" : " (Compose v1)");
  }

  /** The command line for {@code args} on the project {@code name} in the working folder. */
  List<String> on(String project, String file, List<String> args) {
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of("--project-name", project, "--file", file));
    full.addAll(args);
    return full;
  }

  private static List<String> append(List<String> command, String... args) {
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of(args));
    return full;
  }
}
