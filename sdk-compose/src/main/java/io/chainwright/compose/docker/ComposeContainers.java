package io.chainwright.compose.docker;

import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.PortPublishing;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.chainwright.api.UsageException;
import io.chainwright.compose.ComposeService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.DockerComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Hands a network to Testcontainers, for JUnit users who manage Compose through it. The project is
 * rendered with {@link PortPublishing#LOOPBACK_ANY_PORT}, so each port that is not internal-only is
 * published on loopback at a port the engine picks, and
 * {@link #publishedPort} finds it with no ambassador container. Neither container is started yet.
 */
public final class ComposeContainers {
  private ComposeContainers() {}

  /** For Compose v2 ({@code docker compose}); {@code start()} waits for every service with a readiness probe to be healthy. */
  public static ComposeContainer of(Network network, Path directory) {
    ComposeProject project = write(network, directory);
    ComposeContainer container = new ComposeContainer(directory.resolve(ComposeProject.COMPOSE_FILE).toFile());
    healthChecked(project).forEach(service -> container.waitingFor(service, Wait.forHealthcheck()));
    return container;
  }

  /**
   * For Compose v1.29 ({@code docker-compose}, run locally; images are not pulled first);
   * {@code start()} waits for every service with a readiness probe to be healthy.
   */
  public static DockerComposeContainer<?> withComposeV1(Network network, Path directory) {
    ComposeProject project = write(network, directory);
    DockerComposeContainer<?> container = new DockerComposeContainer<>(directory.resolve(ComposeProject.COMPOSE_FILE).toFile())
        .withPull(false);
    healthChecked(project).forEach(service -> container.waitingFor(service, Wait.forHealthcheck()));
    return container;
  }

  /**
   * The loopback port a service's container port is published on. Testcontainers' own
   * {@code getMappedPort} on a Compose service answers only for ports it forwards through an
   * ambassador container, which needs an image pulled from a registry.
   */
  public static int publishedPort(ContainerState service, int containerPort) {
    Ports.Binding[] bindings = service.getContainerInfo().getNetworkSettings().getPorts().getBindings()
        .get(ExposedPort.tcp(containerPort));
    if (bindings == null || bindings.length == 0) {
      throw new UsageException("Port " + containerPort + " of container " + service.getContainerInfo().getName()
          + " is not published: internal-only ports never are");
    }
    return Integer.parseInt(bindings[0].getHostPortSpec());
  }

  private static List<String> healthChecked(ComposeProject project) {
    return project.plan().services().stream().filter(s -> s.container().readiness().isPresent())
        .map(ComposeService::name).toList();
  }

  private static ComposeProject write(Network network, Path directory) {
    ComposeProject project = ComposeRenderer.render(network, PortPublishing.LOOPBACK_ANY_PORT);
    try {
      project.writeTo(directory);
    } catch (IOException e) {
      throw new PlatformException("write", "Compose project " + directory, e.getMessage(), e);
    }
    return project;
  }
}
