package io.chainwright.benchmarks;

import io.chainwright.api.Network;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Teardown;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the anvil benchmarks share: the binary the build installed, a host runtime that runs it, a
 * hand-made spawn on a free port as the baseline, and stopping whatever one invocation started.
 */
final class AnvilRuns {
  private static final String INSTALLED = "../sdk-compose/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";

  private final Path anvil = Path.of(System.getProperty("anvil", INSTALLED)).toAbsolutePath();
  private final HostRuntime runtime = HostRuntime.builder().binary("anvil", anvil).build();
  private HostDeployment deployment;
  private Process raw;

  /** Deploys {@code network} through the host runtime and waits until it is ready. */
  HostDeployment deploy(Network network, Duration timeout) {
    deployment = runtime.deploy(network, ProgressListener.none());
    deployment.awaitReady(timeout, ProgressListener.none());
    return deployment;
  }

  /** Spawns anvil by hand on a free loopback port, its output discarded, and returns the port. */
  int spawnRaw() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    raw = new ProcessBuilder(anvil.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port), "--silent")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return port;
  }

  /** Stops what the last invocation started, outside its measurement. */
  void stop() throws InterruptedException {
    if (deployment != null) {
      deployment.destroy(Teardown.DELETE_ALL_VOLUMES);
      deployment = null;
    }
    if (raw != null) {
      raw.destroy();
      raw.waitFor();
      raw = null;
    }
  }
}
