package io.chainwright.compose.host;

import io.chainwright.compose.ComposeService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service running as a local process, with its output going to a log file, to SLF4J at DEBUG
 * (a node's banner is not news) and to a tail kept for errors.
 */
final class HostService {
  private final ComposeService service;
  private final Process process;
  private final LogTail tail = new LogTail(40);
  private final Thread pump;
  private final Optional<HostProbe> readiness;

  private HostService(ComposeService service, Process process, Path logFile, Optional<HostProbe> readiness) {
    this.service = service;
    this.process = process;
    this.readiness = readiness;
    Logger log = LoggerFactory.getLogger("io.chainwright.host." + service.name());
    this.pump = Thread.ofVirtual().name("log-" + service.name()).start(() -> pump(logFile, log));
  }

  static HostService start(ComposeService service, List<String> command, Map<String, String> environment,
      Path workingDir, Path logFile, Optional<HostProbe> readiness) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    return new HostService(service, builder.start(), logFile, readiness);
  }

  ComposeService service() {
    return service;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, if the process has ended. */
  Optional<Integer> exitCode() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
  }

  long pid() {
    return process.pid();
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  Optional<HostProbe> readiness() {
    return readiness;
  }

  /** The last lines of output, for error messages. */
  String recentOutput() {
    return tail.describe();
  }

  void stop(Duration grace) {
    ProcessTrees.stop(process.toHandle(), grace);
    try {
      pump.join(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pump(Path logFile, Logger log) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        tail.add(line);
        file.write(line);
        file.write('\n');
        file.flush();
        log.debug("{}", line);
      }
    } catch (IOException e) {
      tail.add("(log reader stopped: " + e.getMessage() + ")");
    }
  }
}
