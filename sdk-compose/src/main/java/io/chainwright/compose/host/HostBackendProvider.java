package io.chainwright.compose.host;

import io.chainwright.api.backend.Backend;
import io.chainwright.api.backend.BackendProvider;

/** Offers the host-process runtime as the backend named {@code host}. */
public final class HostBackendProvider implements BackendProvider {
  @Override
  public String name() {
    return "host";
  }

  @Override
  public Backend<?> create() {
    return HostRuntime.create();
  }
}
