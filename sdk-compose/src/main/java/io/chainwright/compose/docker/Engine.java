package io.chainwright.compose.docker;

/**
 * The container engine behind the Docker API: Docker's own, or Podman's Docker-compatible service.
 *
 * @param version the engine's version, e.g. {@code 20.10.24} or {@code 4.3.1}
 * @param podman true for Podman, which runs no health checks by itself without systemd
 */
record Engine(String version, boolean podman) {
  @Override
  public String toString() {
    return (podman ? "Podman " : "Docker ") + version;
  }
}
