package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.PlatformException;
import io.chainwright.kubernetes.cluster.RetryPolicy;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deploy to an API server that is not there fails at once, with the server's address and the
 * cause in the first line: no retries spent on a closed port or a name that does not resolve.
 */
class UnreachableClusterTest {
  private static final Logger LOG = LoggerFactory.getLogger(UnreachableClusterTest.class);

  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final RetryPolicy retry = RetryPolicy.defaults().withSleeper(pauses::add);

  @Test
  void aClosedPortFailsWithoutRetriesNamingTheServer() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String server = "https://127.0.0.1:" + closed + "/";

    PlatformException e = deployTo(server);

    assertThat(e.getMessage().lines().findFirst().orElseThrow())
        .startsWith("Failed to apply ")
        .contains("cannot reach the Kubernetes API server at " + server + ": ")
        .containsIgnoringCase("connection refused");
    assertThat(pauses).as("pauses before retries").isEmpty();
  }

  @Test
  void aNameThatDoesNotResolveFailsWithoutRetriesNamingTheHost() {
    PlatformException e = deployTo("https://no-such-cluster.invalid:6443/");

    assertThat(e.getMessage().lines().findFirst().orElseThrow())
        .contains("cannot reach the Kubernetes API server at https://no-such-cluster.invalid:6443/: unknown host")
        .contains("no-such-cluster.invalid");
    assertThat(pauses).as("pauses before retries").isEmpty();
  }

  private PlatformException deployTo(String server) {
    // As the backend's default client is configured: fabric8's own retries off.
    KubernetesClient client = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder().withMasterUrl(server).withRequestRetryBackoffLimit(0).build()).build();
    try (client) {
      KubernetesBackend backend = KubernetesBackend.builder().client(client).retry(retry).build();
      long started = System.nanoTime();
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> backend.deploy(RichNetwork.small()));
      LOG.info("deploy to {} failed after {} ms", server, (System.nanoTime() - started) / 1_000_000);
      assertThat(thrown).isInstanceOf(PlatformException.class);
      return (PlatformException) thrown;
    }
  }
}
