package io.chainwright.compose.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Port;
import io.chainwright.api.UsageException;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Backoff;
import io.chainwright.api.await.Observation;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Deployment;
import io.chainwright.api.backend.Teardown;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeService;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A Compose project running on a Docker engine. */
public final class DockerDeployment implements Deployment {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Network network;
  private final ComposeProject project;
  private final DockerCli cli;
  private final Duration timeout;

  DockerDeployment(Network network, ComposeProject project, DockerCli cli, Duration timeout) {
    this.network = network;
    this.project = project;
    this.cli = cli;
    this.timeout = timeout;
  }

  @Override
  public Network network() {
    return network;
  }

  @Override
  public void awaitReady(Duration timeout, ProgressListener listener) {
    // Each look runs the Compose CLI, which takes a while itself: half a second between looks is plenty.
    Await.of("Compose project " + project.name() + " ready").timeout(timeout).listener(listener)
        .backoff(Backoff.fixed(Duration.ofMillis(500)))
        .until(() -> {
          List<String> waiting = notReady();
          return waiting.isEmpty() ? Observation.done(null, "all services ready")
              : Observation.waiting("waiting for " + String.join(", ", waiting));
        });
  }

  /** Services that are not running and healthy (or, for jobs, not exited 0), with their state. */
  private List<String> notReady() {
    String out = compose("inspect", List.of("ps", "--all", "--format", "json"));
    List<String> waiting = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode s = JSON.readTree(line);
        String state = s.path("State").asText();
        String health = s.path("Health").asText();
        boolean ok = "exited".equals(state) ? s.path("ExitCode").asInt() == 0
            : "running".equals(state) && (health.isEmpty() || "healthy".equals(health));
        if (!ok) {
          waiting.add(s.path("Service").asText() + " (" + state + (health.isEmpty() ? "" : ", " + health) + ")");
        }
      } catch (IOException e) {
        throw new PlatformException("read", "docker compose ps output of project " + project.name(), line, e);
      }
    }
    return waiting;
  }

  /** The published host address of a workload's port; internal ports are not published and have none. */
  @Override
  public URI endpoint(String workload, String port) {
    ComposeService anchor = project.plan().anchorOf(workload, 0);
    Port p = project.plan().servicesOf(workload).stream().filter(s -> s.anchor().equals(anchor.name()))
        .flatMap(s -> s.container().ports().stream()).filter(x -> x.name().equals(port)).findFirst()
        .orElseThrow(() -> new UsageException("Workload " + workload + " has no port named '" + port + "'"));
    if (!p.exposure().leavesNetwork() || p.internalOnly()) {
      throw new UsageException("Port " + port + " of workload " + workload
          + " is internal and not published by Compose; give it an exposure to reach it from outside");
    }
    String published = compose("find the port of", List.of("port", "--protocol", p.protocol().name().toLowerCase(java.util.Locale.ROOT),
        anchor.name(), Integer.toString(p.number()))).strip();
    int colon = published.lastIndexOf(':');
    return URI.create("http://127.0.0.1:" + published.substring(colon + 1));
  }

  @Override
  public String recentLogs() {
    return compose("read the logs of", List.of("logs", "--no-color", "--tail", "40"));
  }

  @Override
  public void destroy(Teardown teardown) {
    List<String> args = new ArrayList<>(List.of("down", "--remove-orphans"));
    if (teardown != Teardown.KEEP_VOLUMES) {
      args.add("--volumes");
    }
    compose("tear down", args);
  }

  String compose(String verb, List<String> args) {
    List<String> full = new ArrayList<>(List.of("compose", "--project-name", project.name(), "--file", ComposeProject.COMPOSE_FILE));
    full.addAll(args);
    return cli.call(verb, "Compose project " + project.name(), timeout, full);
  }
}
