package io.chainwright.api.backend;

import io.chainwright.api.Network;

/**
 * Turns a network into a platform's objects and runs them.
 *
 * @param <R> what {@link #render} produces, e.g. a list of Kubernetes objects or a Compose project
 */
public interface Backend<R extends Rendering> {
  /** A short name, e.g. {@code kubernetes}, {@code compose}, {@code host}. */
  String name();

  /** The platform's objects for {@code network}. Pure: no I/O, and the same network gives the same result. */
  R render(Network network);

  /**
   * Creates or updates everything {@code network} describes and returns a handle to it. Idempotent:
   * deploying the same network twice changes nothing the second time.
   */
  Deployment deploy(Network network);
}
