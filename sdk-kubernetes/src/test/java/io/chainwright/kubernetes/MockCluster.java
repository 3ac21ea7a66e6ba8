package io.chainwright.kubernetes;

import io.chainwright.kubernetes.cluster.ApplyMode;
import io.chainwright.kubernetes.cluster.RetryPolicy;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.Map;
import java.util.Queue;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** fabric8's mock API server on a free loopback port, with a client whose only retries are ours. */
final class MockCluster implements AutoCloseable {
  final KubernetesMockServer server;
  final KubernetesClient client;
  /** Every pause the retry policy asked for, instead of sleeping it. */
  final List<Duration> pauses = new CopyOnWriteArrayList<>();

  private MockCluster(boolean crud) {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server = crud
        ? new KubernetesMockServer(new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false)
        : new KubernetesMockServer(false);
    server.init();
    var mockClient = server.createClient();
    client = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(mockClient.getConfiguration()).withRequestRetryBackoffLimit(0).build())
        .build();
    mockClient.close();
  }

  /** A server that stores what it is sent, like a real one, minus server-side apply; expectations, where set, answer first. */
  static MockCluster crud() {
    return new MockCluster(true);
  }

  /** A server that answers only what a test told it to expect. */
  static MockCluster expectations() {
    return new MockCluster(false);
  }

  RetryPolicy retry() {
    return new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), pauses::add);
  }

  KubernetesBackend.Builder backend(ApplyMode mode) {
    return KubernetesBackend.builder().client(client).applyMode(mode).retry(retry()).dependencyTimeout(Duration.ofSeconds(20));
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
