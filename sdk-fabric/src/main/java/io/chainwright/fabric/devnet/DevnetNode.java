package io.chainwright.fabric.devnet;

import io.chainwright.api.backend.WorkloadControl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One peer or orderer of a running {@link FabricDevnet}, for failover tests: stop or kill it, start
 * it again on the same ports with its ledger, and find its process and log.
 *
 * <pre>{@code
 * DevnetNode orderer = devnet.node("ord", "orderer1");
 * orderer.kill();                     // as a crash would
 * // ... the channel goes on with the other orderers
 * orderer.start();                    // back, with its ledger, once it is ready
 * }</pre>
 */
public final class DevnetNode {
  private final String org;
  private final String name;
  private final String workload;
  private final WorkloadControl control;
  private final Duration startTimeout;

  DevnetNode(String org, String name, String workload, WorkloadControl control, Duration startTimeout) {
    this.org = org;
    this.name = name;
    this.workload = workload;
    this.control = control;
    this.startTimeout = startTimeout;
  }

  public String org() {
    return org;
  }

  public String name() {
    return name;
  }

  /** The workload, and so the service, that runs this node. */
  public String workload() {
    return workload;
  }

  /** Stops the node gracefully; its ledger stays. */
  public void stop() {
    control.stop(workload);
  }

  /** Kills the node at once, as a crash would. */
  public void kill() {
    control.kill(workload);
  }

  /** Starts the stopped or killed node again and waits, within the devnet's start timeout, until it is ready. */
  public void start() {
    control.start(workload);
    control.awaitReady(workload, startTimeout);
  }

  /** Stops the node, starts it again and waits until it is ready. */
  public void restart() {
    control.restart(workload);
    control.awaitReady(workload, startTimeout);
  }

  /** The node's process id while it runs. */
  public OptionalLong processId() {
    return control.processId(workload);
  }

  /** The file holding what the node printed, every run of it. */
  public Optional<Path> logFile() {
    return control.logFileOf(workload);
  }

  @Override
  public String toString() {
    return "DevnetNode[" + name + " of " + org + "]";
  }
}
