package io.chainwright.compose.docker;

import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeRenderer;
import java.io.IOException;
import java.nio.file.Path;
import org.testcontainers.containers.ComposeContainer;

/** Hands a network to Testcontainers, for JUnit users who manage Compose through its {@code ComposeContainer}. */
public final class ComposeContainers {
  private ComposeContainers() {}

  /** Writes the network's Compose project under {@code directory} and returns a container for it, not yet started. */
  public static ComposeContainer of(Network network, Path directory) {
    ComposeProject project = ComposeRenderer.render(network);
    try {
      project.writeTo(directory);
    } catch (IOException e) {
      throw new PlatformException("write", "Compose project " + directory, e.getMessage(), e);
    }
    return new ComposeContainer(network.name(), directory.resolve(ComposeProject.COMPOSE_FILE).toFile());
  }
}
