package io.chainwright.kubernetes;

import io.chainwright.api.backend.Backend;
import io.chainwright.api.backend.BackendProvider;

/** Makes the Kubernetes backend available as {@code Backends.named("kubernetes")}. */
public final class KubernetesBackendProvider implements BackendProvider {
  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public Backend<?> create() {
    return KubernetesBackend.create();
  }
}
