package io.chainwright.compose.host;

import io.chainwright.api.PlatformException;
import io.chainwright.api.await.Observation;
import io.chainwright.compose.ComposeService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One service running as a local process, with its output captured and its readiness probe. */
final class HostService {
  private final ComposeService service;
  private final Process process;
  private final LogCapture output;
  private final Optional<HostProbe> readiness;

  private HostService(ComposeService service, Process process, LogCapture output, Optional<HostProbe> readiness) {
    this.service = service;
    this.process = process;
    this.output = output;
    this.readiness = readiness;
  }

  /** Starts {@code command} with exactly {@code environment}, nothing inherited. */
  static HostService start(ComposeService service, List<String> command, Map<String, String> environment,
      Path workingDir, Path logFile, Optional<HostProbe> readiness) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    return new HostService(service, process, LogCapture.start(service.name(), process.getInputStream(), logFile), readiness);
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

  Optional<HostProbe> readiness() {
    return readiness;
  }

  /** The last lines of output, for error messages. */
  String recentOutput() {
    return output.recent();
  }

  void stop(Duration grace) {
    ProcessTrees.stop(process.toHandle(), grace);
    output.awaitEnd(grace);
  }

  /** Kills the process and its children at once, as a crash would. */
  void kill(Duration wait) {
    ProcessTrees.kill(process.toHandle(), wait);
    output.awaitEnd(wait);
  }

  /** Whether the process meets a Compose {@code depends_on} condition now; a process that ended when it should not have is an error. */
  Observation<Void> observe(String condition) {
    Optional<Integer> exit = exitCode();
    if (condition.equals(ComposeService.COMPLETED)) {
      if (exit.isEmpty()) {
        return Observation.waiting("running");
      }
      if (exit.get() != 0) {
        throw new PlatformException("run", "service " + service.name(), "exited with code " + exit.get()
            + "; last output:" + recentOutput());
      }
      return Observation.done(null, "exited 0");
    }
    if (exit.isPresent()) {
      throw new PlatformException("start", "service " + service.name(), "exited with code " + exit.get()
          + " before it was ready; last output:" + recentOutput());
    }
    if (condition.equals(ComposeService.STARTED) || readiness.isEmpty()) {
      return Observation.done(null, "running (pid " + pid() + ")");
    }
    HostProbe.Result result = readiness.get().attempt();
    return Observation.of(result.passed(), null, result.observation());
  }
}
