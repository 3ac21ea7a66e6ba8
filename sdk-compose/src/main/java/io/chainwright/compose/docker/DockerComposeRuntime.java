package io.chainwright.compose.docker;

import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.backend.Backend;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.PortPublishing;
import io.chainwright.compose.WorkFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a network's Compose project on a Docker engine with the Compose CLI that is present:
 * {@code docker compose} (v2), else {@code docker-compose} (v1.29). The engine is the one the
 * docker client reaches, or the one {@link Builder#dockerHost} names (Podman's socket, say). It
 * needs a reachable engine and says so at once when there is none.
 *
 * <pre>{@code
 * DockerComposeRuntime docker = DockerComposeRuntime.builder().publishing(PortPublishing.LOOPBACK_ANY_PORT).build();
 * try (DockerDeployment d = docker.deploy(network)) {
 *   d.awaitReady(Duration.ofMinutes(2));
 *   URI rpc = d.endpoint("node", "rpc");
 * }
 * }</pre>
 */
public final class DockerComposeRuntime implements Backend<ComposeProject> {
  private static final Logger LOG = LoggerFactory.getLogger(DockerComposeRuntime.class);

  private final Path projectsRoot;
  private final Duration timeout;
  private final PortPublishing publishing;
  private final boolean tearDownWhenJvmExits;
  private final DockerCli cli;

  private DockerComposeRuntime(Builder b) {
    this.projectsRoot = b.projectsRoot;
    this.timeout = b.timeout;
    this.publishing = b.publishing;
    this.tearDownWhenJvmExits = b.tearDownWhenJvmExits;
    Map<String, String> env = new TreeMap<>();
    if (b.dockerHost != null) {
      env.put("DOCKER_HOST", b.dockerHost);
    }
    this.cli = new DockerCli(b.docker, env, projectsRoot);
  }

  /** Projects under a new temporary folder, ports published as their exposures say, {@code docker} from {@code PATH}. */
  public static DockerComposeRuntime create() {
    return builder().build();
  }

  /** Projects are written under {@code projectsRoot}/{@code <network>}, where they stay for inspection. */
  public static DockerComposeRuntime create(Path projectsRoot, Duration timeout) {
    return builder().projectsRoot(projectsRoot).timeout(timeout).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "compose";
  }

  @Override
  public ComposeProject render(Network network) {
    return ComposeRenderer.render(network, publishing);
  }

  /**
   * Writes the project and starts it ({@code up --detach}); follow with {@link DockerDeployment#awaitReady}.
   * Deploying again changes nothing that is unchanged, and named volumes keep their data.
   */
  @Override
  public DockerDeployment deploy(Network network) {
    ComposeProject project = render(network);
    Engine engine = cli.requireEngine();
    ComposeCli compose = ComposeCli.detect(cli);
    Path dir = projectsRoot.resolve(network.name());
    try {
      project.writeTo(dir);
    } catch (IOException e) {
      throw new PlatformException("write", "Compose project " + dir, e.getMessage(), e);
    }
    requireEnvironmentSecrets(project, dir);
    SecretFileOwners.apply(project, dir);
    LOG.info("Compose project {}: starting with {} on engine {}, in {}", project.name(), compose.describe(), engine, dir);
    DockerDeployment deployment = new DockerDeployment(network, project, cli.in(dir), compose, engine, timeout);
    if (tearDownWhenJvmExits) {
      // Watching starts before up: a JVM that dies while the project starts leaves nothing behind either.
      deployment.tearDownWhenJvmExits();
    }
    PodmanHealthchecks.startIfNeeded(engine, cli, project.name()).ifPresent(deployment::runHealthchecksWith);
    try {
      deployment.up();
    } catch (RuntimeException e) {
      deployment.stopHealthchecks();
      throw e;
    }
    return deployment;
  }

  /** A secret file from the caller's environment that neither the variable nor the caller wrote would fail deep inside up. */
  private static void requireEnvironmentSecrets(ComposeProject project, Path dir) {
    List<String> missing = new ArrayList<>();
    project.environmentSecretFiles().forEach((file, variable) -> {
      if (!Files.exists(dir.resolve(file))) {
        missing.add(file + " (set " + variable + ", or write the file)");
      }
    });
    if (!missing.isEmpty()) {
      throw new PlatformException("start", "Compose project " + project.name(), "secret files missing: " + String.join(", ", missing));
    }
  }

  /** Settings of a runtime; every one has a default. */
  public static final class Builder {
    private String docker = "docker";
    private Path projectsRoot;
    private Duration timeout = Duration.ofMinutes(5);
    private PortPublishing publishing = PortPublishing.AS_EXPOSED;
    private String dockerHost;
    private boolean tearDownWhenJvmExits;

    private Builder() {}

    /**
     * Tear each deployment down (keeping volumes) if the JVM exits, or is killed, before it is
     * destroyed: for tests, as Testcontainers' Ryuk does. Off by default, so that a network deployed
     * from a script or JShell keeps running after it.
     */
    public Builder tearDownWhenJvmExits(boolean tearDown) {
      this.tearDownWhenJvmExits = tearDown;
      return this;
    }

    /** The docker client to run; {@code docker} from {@code PATH} by default. */
    public Builder docker(String docker) {
      this.docker = Objects.requireNonNull(docker, "docker");
      return this;
    }

    /** Where projects are written, one folder per network; a new temporary folder by default. */
    public Builder projectsRoot(Path projectsRoot) {
      this.projectsRoot = Objects.requireNonNull(projectsRoot, "projectsRoot");
      return this;
    }

    /** How long starting, stopping and tearing down may take; five minutes by default. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Which ports are published; {@link PortPublishing#AS_EXPOSED} by default. */
    public Builder publishing(PortPublishing publishing) {
      this.publishing = Objects.requireNonNull(publishing, "publishing");
      return this;
    }

    /** The engine to use, as {@code DOCKER_HOST} names it (e.g. {@code unix:///run/podman/podman.sock}); the client's own by default. */
    public Builder dockerHost(String dockerHost) {
      this.dockerHost = Objects.requireNonNull(dockerHost, "dockerHost");
      return this;
    }

    public DockerComposeRuntime build() {
      if (projectsRoot == null) {
        try {
          projectsRoot = WorkFolders.fresh("chainwright-compose-");
        } catch (IOException e) {
          throw new PlatformException("create", "a folder for Compose projects", e.getMessage(), e);
        }
      }
      return new DockerComposeRuntime(this);
    }
  }
}
