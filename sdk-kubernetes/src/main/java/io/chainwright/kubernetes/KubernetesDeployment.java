package io.chainwright.kubernetes;

import io.chainwright.api.Network;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Deployment;
import io.chainwright.api.backend.Teardown;
import io.chainwright.kubernetes.cluster.DeployReport;
import io.chainwright.kubernetes.cluster.NetworkOperations;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** A network applied to a Kubernetes cluster: wait for it, reach its ports through port-forwards, tear it down. */
public final class KubernetesDeployment implements Deployment {
  private final Network network;
  private final NetworkOperations ops;
  private final DeployReport report;
  private List<String> destroyed = List.of();

  KubernetesDeployment(Network network, NetworkOperations ops, DeployReport report) {
    this.network = network;
    this.ops = ops;
    this.report = report;
  }

  @Override
  public Network network() {
    return network;
  }

  /** What applying the network did: each object's outcome, and what was pruned. */
  public DeployReport report() {
    return report;
  }

  @Override
  public void awaitReady(Duration timeout, ProgressListener listener) {
    ops.awaitReady(timeout, listener);
  }

  /** A loopback address forwarded to {@code port} of a ready replica of {@code workload}; TCP ports only. */
  @Override
  public URI endpoint(String workload, String port) {
    return ops.endpoint(workload, port);
  }

  @Override
  public void destroy(Teardown teardown) {
    destroyed = ops.destroy(teardown);
  }

  /** The objects the last {@link #destroy} deleted, newest tier first. */
  public List<String> destroyed() {
    return destroyed;
  }
}
