package io.chainwright.kubernetes;

import io.chainwright.api.Network;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.backend.Backend;
import io.chainwright.api.backend.Teardown;
import io.chainwright.kubernetes.cluster.ApplyMode;
import io.chainwright.kubernetes.cluster.NetworkOperations;
import io.chainwright.kubernetes.cluster.Plan;
import io.chainwright.kubernetes.cluster.RetryPolicy;
import io.chainwright.kubernetes.render.NetworkRenderer;
import io.chainwright.kubernetes.render.RenderOptions;
import io.chainwright.kubernetes.render.RenderedObject;
import io.chainwright.kubernetes.render.SharedObjects;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Kubernetes backend: renders a network as typed fabric8 objects, and deploys it with
 * server-side apply, tier by tier.
 *
 * <pre>{@code
 * KubernetesBackend k8s = KubernetesBackend.builder().client(client).build();
 * try (KubernetesDeployment d = k8s.deploy(network)) {
 *   d.awaitReady(Duration.ofMinutes(10));
 * }
 * }</pre>
 */
public final class KubernetesBackend implements Backend<KubernetesRendering> {
  /** Requests the default client sends to the API server at once; fabric8's own default is 5. */
  public static final int CONCURRENT_REQUESTS = 16;

  private final Supplier<KubernetesClient> client;
  private final NetworkRenderer renderer;
  private final NetworkOperations.Settings settings;

  private KubernetesBackend(Builder b) {
    this.client = b.client;
    this.renderer = new NetworkRenderer(b.renderOptions);
    this.settings = new NetworkOperations.Settings(b.applyMode, b.retry, b.prunePersistentVolumes, b.dependencyTimeout);
  }

  /** A backend for the cluster of the current kube config; nothing connects until the first deploy or plan. */
  public static KubernetesBackend create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public KubernetesRendering render(Network network) {
    return new KubernetesRendering(network.name(), renderer.render(network));
  }

  /**
   * Each of {@code networks} rendered for one cluster, in the order given.
   *
   * @throws ValidationException listing every object the networks share (a storage class, a snapshot
   *     class, another operator's namespace) that two of them define differently, and each network's own problems
   */
  public List<KubernetesRendering> render(List<Network> networks) {
    Map<String, List<RenderedObject>> byNetwork = new LinkedHashMap<>();
    List<Violation> violations = new ArrayList<>();
    for (Network network : networks) {
      if (byNetwork.putIfAbsent(network.name(), renderer.render(network)) != null) {
        violations.add(new Violation("networks[" + network.name() + "]", "is given twice; network names are unique in a cluster"));
      }
    }
    violations.addAll(SharedObjects.disagreements(byNetwork));
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    return byNetwork.entrySet().stream().map(e -> new KubernetesRendering(e.getKey(), e.getValue())).toList();
  }

  /** Applies the network, prunes what it no longer contains, and returns a handle to it. Idempotent. */
  @Override
  public KubernetesDeployment deploy(Network network) {
    NetworkOperations ops = new NetworkOperations(client.get(), network, renderer.render(network), settings);
    return new KubernetesDeployment(network, ops, ops.deploy());
  }

  /**
   * Tears down what the cluster holds of {@code network}, found by its labels, without applying it
   * first; returns what was deleted. Persistent volumes go only as {@code teardown} says.
   */
  public List<String> destroy(Network network, Teardown teardown) {
    try (NetworkOperations ops = new NetworkOperations(client.get(), network, renderer.render(network), settings)) {
      return ops.destroy(teardown);
    }
  }

  /** The client this backend talks to the cluster through, for operations beyond deploying a network. */
  public KubernetesClient client() {
    return client.get();
  }

  /** What {@link #deploy} would create, change and delete, without changing anything. */
  public Plan plan(Network network) {
    try (NetworkOperations ops = new NetworkOperations(client.get(), network, renderer.render(network), settings)) {
      return ops.plan();
    }
  }

  /** Settings for a {@link KubernetesBackend}. */
  public static final class Builder {
    private Supplier<KubernetesClient> client = new DefaultClient();
    private RenderOptions renderOptions = RenderOptions.defaults();
    private ApplyMode applyMode = ApplyMode.SERVER_SIDE;
    private RetryPolicy retry = RetryPolicy.defaults();
    private boolean prunePersistentVolumes;
    private Duration dependencyTimeout = Duration.ofMinutes(15);

    private Builder() {}

    /** The client to use; by default one for the current kube config, made on first use. */
    public Builder client(KubernetesClient client) {
      Objects.requireNonNull(client, "client");
      this.client = () -> client;
      return this;
    }

    public Builder renderOptions(RenderOptions options) {
      this.renderOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /** {@link ApplyMode#SERVER_SIDE} unless the API server cannot do it. */
    public Builder applyMode(ApplyMode mode) {
      this.applyMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** Lets prune delete claims and volumes the model no longer has; off by default, since that deletes data. */
    public Builder prunePersistentVolumes(boolean prune) {
      this.prunePersistentVolumes = prune;
      return this;
    }

    /** How long a workload waits during deploy for the workloads it depends on; 15 minutes by default. */
    public Builder dependencyTimeout(Duration timeout) {
      this.dependencyTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public KubernetesBackend build() {
      return new KubernetesBackend(this);
    }
  }

  /**
   * Makes the default client once. fabric8's own retries are off, since {@link RetryPolicy} does
   * that job; and up to {@value #CONCURRENT_REQUESTS} requests run at once, since a tier is applied in parallel.
   */
  private static final class DefaultClient implements Supplier<KubernetesClient> {
    private KubernetesClient client;

    @Override
    public synchronized KubernetesClient get() {
      if (client == null) {
        Config config = new ConfigBuilder(Config.autoConfigure(null)).withRequestRetryBackoffLimit(0)
            .withMaxConcurrentRequestsPerHost(CONCURRENT_REQUESTS).build();
        client = new KubernetesClientBuilder().withConfig(config).build();
      }
      return client;
    }
  }
}
