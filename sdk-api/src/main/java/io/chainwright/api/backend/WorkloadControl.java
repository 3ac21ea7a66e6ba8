package io.chainwright.api.backend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Stops, kills and starts one workload of a running deployment, for failover tests: every replica
 * and helper container of the workload together, its volumes and allocated ports kept.
 *
 * <pre>{@code
 * if (deployment instanceof WorkloadControl nodes) {
 *   nodes.kill("geth");        // as a crash would
 *   nodes.start("geth");
 *   nodes.awaitReady("geth", Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public interface WorkloadControl {
  /** Stops the workload gracefully (TERM, then KILL after the platform's grace period); its volumes stay. */
  void stop(String workload);

  /** Kills the workload at once (KILL), as a crash would. */
  void kill(String workload);

  /** Starts a stopped or killed workload again, with its volumes; does nothing to parts still running. */
  void start(String workload);

  /** Stops the workload and starts it again; wait with {@link #awaitReady(String, Duration)} before using it. */
  void restart(String workload);

  /**
   * Waits until the workload is ready again (jobs: completed).
   *
   * @throws io.chainwright.api.AwaitTimeoutException naming the workload and its last state
   */
  void awaitReady(String workload, Duration timeout);

  /** The process id of the workload's first replica while it runs as a process of this machine; empty otherwise. */
  default OptionalLong processId(String workload) {
    return OptionalLong.empty();
  }

  /** The file holding what the workload's first replica printed, where the platform writes one. */
  default Optional<Path> logFileOf(String workload) {
    return Optional.empty();
  }
}
