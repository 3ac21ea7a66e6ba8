package io.chainwright.compose.host;

import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Backend;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.tools.LocalTools;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.WorkFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a network's Compose services as local processes: no Docker engine, no cluster. Binaries
 * stand in for images (see {@link Builder#binary}); every port gets a free loopback port.
 *
 * <pre>{@code
 * try (HostDeployment devnet = HostRuntime.builder().binary("ghcr.io/example/devnode", devnode).build().deploy(network)) {
 *   devnet.awaitReady(Duration.ofSeconds(30));
 *   URI rpc = devnet.endpoint("devnode", "rpc");
 * }
 * }</pre>
 */
public final class HostRuntime implements Backend<ComposeProject> {
  /** How the runtime finds binaries, where it keeps files, and how long it waits. */
  record Settings(BinaryResolver binaries, Optional<Path> workRoot, Duration startTimeout, Duration stopGrace,
      Map<String, String> environment) {}

  private final Settings settings;
  private final Map<String, HostDeployment> live = new HashMap<>();

  private HostRuntime(Settings settings) {
    this.settings = settings;
  }

  /** A runtime that finds binaries where {@link LocalTools} looks ({@code CHAINWRIGHT_BIN_*} variables, tools folders, {@code PATH}, npm). */
  public static HostRuntime create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "host";
  }

  @Override
  public ComposeProject render(Network network) {
    return ComposeRenderer.render(network);
  }

  /**
   * Starts {@code network} and returns once every service has started, each after what it depends
   * on. Deploying a network that is already running here returns the running deployment; deploying a
   * changed one restarts it on the same data.
   */
  @Override
  public synchronized HostDeployment deploy(Network network) {
    return deploy(network, ProgressListener.logging());
  }

  public synchronized HostDeployment deploy(Network network, ProgressListener listener) {
    HostDeployment existing = live.get(network.name());
    if (existing != null && !existing.isDestroyed() && existing.network().equals(network)) {
      return existing;
    }
    Path root = root(network);
    if (existing != null && !existing.isDestroyed()) {
      existing.destroy(Teardown.KEEP_VOLUMES);
      root = existing.root();
    }
    HostDeployment deployment = new HostDeployment(render(network), root, settings);
    deployment.start(listener);
    live.put(network.name(), deployment);
    return deployment;
  }

  private Path root(Network network) {
    try {
      if (settings.workRoot().isPresent()) {
        return Files.createDirectories(settings.workRoot().get().resolve(network.name()));
      }
      return WorkFolders.fresh("chainwright-" + network.name() + "-");
    } catch (IOException e) {
      throw new PlatformException("create", "work folder for network " + network.name(), e.getMessage(), e);
    }
  }

  /** Settings for a {@link HostRuntime}. */
  public static final class Builder {
    private final Map<String, Path> binaries = new LinkedHashMap<>();
    private Path workRoot;
    private Duration startTimeout = Duration.ofMinutes(2);
    private Duration stopGrace = Duration.ofSeconds(10);
    private final Map<String, String> environment = new LinkedHashMap<>(System.getenv());

    private Builder() {}

    /** The binary to run for an image repository (e.g. {@code ghcr.io/example/devnode}) or a program name (e.g. {@code devnode}). */
    public Builder binary(String imageOrProgram, Path binary) {
      binaries.put(imageOrProgram, binary.toAbsolutePath());
      return this;
    }

    /**
     * A folder to keep each network's files in ({@code <root>/<network>}), so data survives between
     * runs. Without one, each deployment gets a fresh folder (see {@link WorkFolders}).
     */
    public Builder workRoot(Path root) {
      this.workRoot = root.toAbsolutePath();
      return this;
    }

    /** How long to wait for a service's dependencies while starting; two minutes by default. */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = timeout;
      return this;
    }

    /** How long a process gets to stop after TERM before it is killed; ten seconds by default. */
    public Builder stopGrace(Duration grace) {
      this.stopGrace = grace;
      return this;
    }

    /** An environment variable every process gets, on top of this JVM's environment. */
    public Builder environment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    public HostRuntime build() {
      return new HostRuntime(new Settings(new BinaryResolver(binaries, LocalTools.of(environment)), Optional.ofNullable(workRoot),
          startTimeout, stopGrace, Map.copyOf(environment)));
    }
  }
}
