package io.chainwright.benchmarks;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;

/**
 * The mock server's CRUD behaviour, with each answer held back as a real API server's would be
 * (network round trip plus the etcd write). The delay is a timer, so the server's single event
 * loop keeps taking other requests meanwhile, as a real server does.
 */
final class SlowCrudDispatcher extends KubernetesCrudDispatcher {
  private final Duration latency;

  SlowCrudDispatcher(Duration latency) {
    this.latency = latency;
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    return slow(super.handleCreate(request));
  }

  @Override
  public MockResponse handleGet(String path) {
    return slow(super.handleGet(path));
  }

  /** The server's timers refuse delays under a millisecond, so none is set for zero. */
  private MockResponse slow(MockResponse response) {
    return latency.isZero() ? response : response.setBodyDelay(latency);
  }
}
