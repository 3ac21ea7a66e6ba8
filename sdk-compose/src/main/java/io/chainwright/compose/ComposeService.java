package io.chainwright.compose;

import io.chainwright.api.Container;
import io.chainwright.api.Workload;
import java.util.Map;

/**
 * One container of one replica of a workload, which Compose runs as one service.
 *
 * @param name the service name, e.g. {@code rpc}, {@code rpc-1} or {@code node-exporter}
 * @param workload the workload the container belongs to
 * @param container the container
 * @param replica the replica's ordinal, 0 for the first
 * @param role init, sidecar or main
 * @param anchor the service whose network this one shares (the replica's first main container); itself for the anchor
 * @param dependsOn services that must reach a condition first, with the Compose condition
 */
public record ComposeService(
    String name,
    Workload workload,
    Container container,
    int replica,
    ServiceRole role,
    String anchor,
    Map<String, String> dependsOn) {

  /** Compose's condition names. */
  public static final String STARTED = "service_started";
  public static final String HEALTHY = "service_healthy";
  public static final String COMPLETED = "service_completed_successfully";

  /** True for the service that owns the replica's network and publishes its ports. */
  public boolean isAnchor() {
    return name.equals(anchor);
  }

  /** True when the service runs to completion rather than staying up. */
  public boolean runsToCompletion() {
    return role == ServiceRole.INIT || !workload.isLongRunning();
  }
}
