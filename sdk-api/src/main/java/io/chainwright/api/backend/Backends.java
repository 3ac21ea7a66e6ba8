package io.chainwright.api.backend;

import io.chainwright.api.UsageException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds backends on the class path by name. */
public final class Backends {
  private Backends() {}

  /** The names of every backend on the class path, sorted. */
  public static List<String> available() {
    return providers().stream().map(BackendProvider::name).sorted().distinct().toList();
  }

  /**
   * The backend called {@code name}.
   *
   * @throws UsageException when none or more than one provider has that name; the message lists what is there
   */
  public static Backend<?> named(String name) {
    List<BackendProvider> matches = providers().stream().filter(p -> p.name().equals(name)).toList();
    if (matches.isEmpty()) {
      throw new UsageException("No backend named '" + name + "' on the class path; available: "
          + (available().isEmpty() ? "none (add sdk-kubernetes or sdk-compose)" : String.join(", ", available())));
    }
    if (matches.size() > 1) {
      throw new UsageException("More than one backend is named '" + name + "': "
          + matches.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", ")));
    }
    return matches.get(0).create();
  }

  private static List<BackendProvider> providers() {
    return ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get).toList();
  }
}
