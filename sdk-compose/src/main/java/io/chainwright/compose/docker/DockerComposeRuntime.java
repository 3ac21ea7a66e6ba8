package io.chainwright.compose.docker;

import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.backend.Backend;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a network's Compose project with the {@code docker compose} CLI. It needs a reachable
 * Docker engine and says so at once when there is none.
 */
public final class DockerComposeRuntime implements Backend<ComposeProject> {
  private final String docker;
  private final Path projectsRoot;
  private final Duration timeout;

  private DockerComposeRuntime(String docker, Path projectsRoot, Duration timeout) {
    this.docker = docker;
    this.projectsRoot = projectsRoot;
    this.timeout = timeout;
  }

  /** Projects are written under a temporary folder; {@code docker} is found on {@code PATH}. */
  public static DockerComposeRuntime create() {
    try {
      return new DockerComposeRuntime("docker", Files.createTempDirectory("chainwright-compose-"), Duration.ofMinutes(5));
    } catch (IOException e) {
      throw new PlatformException("create", "a folder for Compose projects", e.getMessage(), e);
    }
  }

  /** Projects are written under {@code projectsRoot}/{@code <network>}, where they stay for inspection. */
  public static DockerComposeRuntime create(Path projectsRoot, Duration timeout) {
    return new DockerComposeRuntime("docker", projectsRoot, timeout);
  }

  @Override
  public String name() {
    return "compose";
  }

  @Override
  public ComposeProject render(Network network) {
    return ComposeRenderer.render(network);
  }

  /** Writes the project and runs {@code docker compose up --wait}; running it again changes nothing that is unchanged. */
  @Override
  public DockerDeployment deploy(Network network) {
    ComposeProject project = render(network);
    Path dir = projectsRoot.resolve(network.name());
    DockerCli cli = new DockerCli(docker, projectsRoot);
    cli.requireEngine();
    try {
      project.writeTo(dir);
    } catch (IOException e) {
      throw new PlatformException("write", "Compose project " + dir, e.getMessage(), e);
    }
    DockerDeployment deployment = new DockerDeployment(network, project, new DockerCli(docker, dir), timeout);
    deployment.compose("start", List.of("up", "--detach", "--wait", "--wait-timeout", Long.toString(timeout.toSeconds())));
    return deployment;
  }
}
