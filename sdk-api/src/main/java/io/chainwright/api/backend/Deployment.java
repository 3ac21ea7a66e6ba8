package io.chainwright.api.backend;

import io.chainwright.api.Network;
import io.chainwright.api.await.ProgressListener;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A running network on some platform. Closing it tears it down and keeps persistent volumes.
 *
 * <pre>{@code
 * try (Deployment d = backend.deploy(network)) {
 *   d.awaitReady(Duration.ofMinutes(2), ProgressListener.logging());
 *   URI rpc = d.endpoint("geth", "rpc");
 * }
 * }</pre>
 */
public interface Deployment extends AutoCloseable {
  /** The network this deployment runs. */
  Network network();

  /**
   * Waits until every workload is ready (jobs: completed), reporting observations as they come.
   *
   * @throws io.chainwright.api.AwaitTimeoutException naming what was awaited and the last state seen
   */
  void awaitReady(Duration timeout, ProgressListener listener);

  /** Waits until every workload is ready, logging progress. */
  default void awaitReady(Duration timeout) {
    awaitReady(timeout, ProgressListener.logging());
  }

  /**
   * An address the caller can reach for a workload's named port: a port-forward on Kubernetes, a
   * mapped port on Compose, loopback for host processes.
   */
  URI endpoint(String workload, String port);

  /** The last lines each service printed, for reports when something fails; empty when the platform keeps none. */
  default String recentLogs() {
    return "";
  }

  /** The folder where the platform keeps what services print, when it keeps it in files; it outlives a teardown that keeps volumes. */
  default Optional<Path> logFolder() {
    return Optional.empty();
  }

  /** Tears everything down; persistent volumes go only when {@code teardown} says so. */
  void destroy(Teardown teardown);

  /** Tears down and keeps persistent volumes. */
  @Override
  default void close() {
    destroy(Teardown.KEEP_VOLUMES);
  }
}
