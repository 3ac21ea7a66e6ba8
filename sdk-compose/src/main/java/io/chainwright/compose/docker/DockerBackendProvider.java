package io.chainwright.compose.docker;

import io.chainwright.api.backend.Backend;
import io.chainwright.api.backend.BackendProvider;

/** Offers the Docker Compose runtime as the backend named {@code compose}. */
public final class DockerBackendProvider implements BackendProvider {
  @Override
  public String name() {
    return "compose";
  }

  @Override
  public Backend<?> create() {
    return DockerComposeRuntime.create();
  }
}
