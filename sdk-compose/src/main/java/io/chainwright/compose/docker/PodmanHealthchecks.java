package io.chainwright.compose.docker;

import io.chainwright.api.tools.LocalTools;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the health checks of a project's containers on Podman, which schedules them with systemd
 * timers and, without systemd, never runs them: Compose would wait forever on
 * {@code service_healthy}, and readiness would never come. A container that runs and is not yet
 * healthy is checked every second, a healthy one every thirty, through Podman's own client
 * ({@code podman --url <engine> healthcheck run}), which records the result in the engine as
 * Docker's scheduler would.
 */
final class PodmanHealthchecks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PodmanHealthchecks.class);
  private static final Duration PENDING = Duration.ofSeconds(1);
  private static final Duration HEALTHY = Duration.ofSeconds(30);
  private static final Duration CHECK = Duration.ofSeconds(30);

  private final DockerCli cli;
  private final Path podman;
  private final String project;
  private final Map<String, Instant> lastRun = new HashMap<>();
  private final Thread loop;
  private volatile boolean closed;

  private PodmanHealthchecks(DockerCli cli, Path podman, String project) {
    this.cli = cli;
    this.podman = podman;
    this.project = project;
    this.loop = Thread.ofVirtual().name("podman-healthchecks-" + project).start(this::run);
  }

  /** Starts checking the containers of {@code project}, if the engine is Podman; Docker runs its own. */
  static Optional<PodmanHealthchecks> startIfNeeded(Engine engine, DockerCli cli, String project) {
    if (!engine.podman()) {
      return Optional.empty();
    }
    Optional<Path> podman = LocalTools.of(merged(cli.environment())).find("podman");
    if (podman.isEmpty()) {
      LOG.warn("The engine is {}, which runs no health checks without systemd, and no podman client was found to run them: "
          + "services that wait for a healthy one, and readiness, will wait until they time out", engine);
      return Optional.empty();
    }
    LOG.info("The engine is {}: the runtime runs the health checks of Compose project {} itself, with {}", engine, project, podman.get());
    return Optional.of(new PodmanHealthchecks(cli, podman.get(), project));
  }

  private static Map<String, String> merged(Map<String, String> environment) {
    Map<String, String> all = new HashMap<>(System.getenv());
    all.putAll(environment);
    return all;
  }

  private void run() {
    while (!closed) {
      try {
        for (ServiceState state : states()) {
          if (closed) {
            return;
          }
          Instant last = lastRun.get(state.id());
          Duration every = state.awaitingHealth() ? PENDING : HEALTHY;
          if (state.runsHealthchecks() && (last == null || last.plus(every).isBefore(Instant.now()))) {
            lastRun.put(state.id(), Instant.now());
            cli.run(CHECK, List.of(podman.toString(), "--url", cli.engineAddress(), "healthcheck", "run", state.id()));
          }
        }
        Thread.sleep(PENDING);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The project may be starting or going; the next round looks again.
        LOG.debug("Health checks of Compose project {}: {}", project, e.getMessage());
      }
    }
  }

  private List<ServiceState> states() {
    List<String> ids = cli.call("list", "the containers of Compose project " + project, CHECK,
        List.of("ps", "--quiet", "--filter", "label=com.docker.compose.project=" + project)).lines()
        .map(String::strip).filter(id -> !id.isEmpty()).toList();
    return ServiceState.inspect(cli, project, ids, CHECK);
  }

  @Override
  public void close() {
    closed = true;
    loop.interrupt();
  }
}
