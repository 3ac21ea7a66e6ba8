package io.chainwright.api.backend;

/** Makes a backend available to {@link Backends} through {@link java.util.ServiceLoader}. */
public interface BackendProvider {
  /** The name users ask for, e.g. {@code kubernetes}. */
  String name();

  /** A backend with default settings. */
  Backend<?> create();
}
