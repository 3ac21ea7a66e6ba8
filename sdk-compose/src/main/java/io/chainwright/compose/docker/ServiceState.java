package io.chainwright.compose.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainwright.api.PlatformException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One container's state as the engine reports it ({@code docker inspect}), which both Compose
 * versions label with the service it runs.
 *
 * @param id the container's id
 * @param service the Compose service
 * @param status {@code created}, {@code running}, {@code restarting}, {@code exited}, ...
 * @param health {@code starting}, {@code healthy} or {@code unhealthy}; empty without a healthcheck
 * @param exitCode the last exit code, meaningful once exited
 */
record ServiceState(String id, String service, String status, String health, int exitCode) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SERVICE_LABEL = "com.docker.compose.service";

  /** What the engine says of the containers {@code ids} of Compose project {@code project}; none for no ids. */
  static List<ServiceState> inspect(DockerCli cli, String project, List<String> ids, Duration timeout) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> args = new ArrayList<>(List.of("inspect"));
    args.addAll(ids);
    return parse(cli.call("inspect", "the containers of Compose project " + project, timeout, args));
  }

  /** Reads the JSON array {@code docker inspect} prints. */
  static List<ServiceState> parse(String inspectJson) {
    try {
      List<ServiceState> states = new ArrayList<>();
      for (JsonNode c : JSON.readTree(inspectJson)) {
        JsonNode state = c.path("State");
        states.add(new ServiceState(c.path("Id").asText(), c.at("/Config/Labels").path(SERVICE_LABEL).asText(), state.path("Status").asText(),
            state.at("/Health/Status").asText(""), state.path("ExitCode").asInt()));
      }
      return states;
    } catch (IOException e) {
      throw new PlatformException("read", "docker inspect output", e.getMessage(), e);
    }
  }

  /** Running and, with a healthcheck, healthy; a job has exited 0. */
  boolean ready(boolean job) {
    return job ? "exited".equals(status) && exitCode == 0
        : "running".equals(status) && (health.isEmpty() || "healthy".equals(health));
  }

  /** A job that exited with an error, which no wait will mend ({@code restart: "no"}). */
  boolean failedJob(boolean job) {
    return job && ("exited".equals(status) || "dead".equals(status)) && exitCode != 0;
  }

  /** Running, with a healthcheck: one the engine (or the runtime for it) runs. */
  boolean runsHealthchecks() {
    return "running".equals(status) && !health.isEmpty();
  }

  /** Running with a healthcheck the engine has not yet passed. */
  boolean awaitingHealth() {
    return runsHealthchecks() && !"healthy".equals(health);
  }

  @Override
  public String toString() {
    return service + " (" + status + (health.isEmpty() ? "" : ", " + health) + ("exited".equals(status) ? ", exit " + exitCode : "") + ")";
  }
}
