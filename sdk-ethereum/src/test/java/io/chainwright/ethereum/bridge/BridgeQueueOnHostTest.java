package io.chainwright.ethereum.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.material.Materials;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge's queue as a real Redis 7.0 on the host runtime, started from the generated redis.conf
 * and auth Secret: the readiness probe pings with the password from its file, a client without the
 * password is refused, and a queued message outlives a restart of the queue.
 */
class BridgeQueueOnHostTest {
  private static final Duration READY = Duration.ofSeconds(30);
  @TempDir
  Path work;
  private final Materials materials = MaterialStore.inMemory().forNetwork("bridge-queue");

  /** The queue alone: its workload and Secret, as the bridge adds them. */
  private Network queueOnly(Bridge bridge) {
    return Network.builder().name("bridge-queue").addWorkload(bridge.redisWorkload()).addSecret(bridge.authSecret(materials)).build();
  }

  @Test
  void theQueueRequiresItsPasswordKeepsEveryWriteAndNeverEvicts() throws Exception {
    TestTools.systemProgram("redis-cli", "redis-tools");
    HostRuntime runtime = HostRuntime.builder().workRoot(work)
        .binary("redis-server", TestTools.systemProgram("redis-server", "redis-server")).build();
    Bridge bridge = BridgeTest.bridge();
    String password = new String(bridge.redisPassword(materials).resolve(), StandardCharsets.US_ASCII);

    HostDeployment first = runtime.deploy(queueOnly(bridge), ProgressListener.none());
    try {
      first.awaitReady(READY, ProgressListener.none());
      URI address = first.endpoint(bridge.redisWorkloadName(), "redis");
      try (Resp redis = Resp.connect(address.getAuthority())) {
        assertThat(redis.call("PING")).startsWith("-NOAUTH");
        assertThat(redis.call("AUTH", "not-the-password")).startsWith("-WRONGPASS");
        assertThat(redis.call("AUTH", password)).isEqualTo("+OK");
        assertThat(redis.call("LPUSH", bridge.queue(), "{\"nonce\":1}")).isEqualTo(":1");
        assertThat(redis.call("CONFIG", "GET", "appendfsync")).endsWith("always");
        assertThat(redis.call("CONFIG", "GET", "maxmemory-policy")).endsWith("noeviction");
      }
    } finally {
      first.destroy(Teardown.KEEP_VOLUMES);
    }

    HostDeployment second = runtime.deploy(queueOnly(bridge), ProgressListener.none());
    try {
      second.awaitReady(READY, ProgressListener.none());
      try (Resp redis = Resp.connect(second.endpoint(bridge.redisWorkloadName(), "redis").getAuthority())) {
        assertThat(redis.call("AUTH", password)).isEqualTo("+OK");
        assertThat(redis.call("RPOP", bridge.queue())).as("the message queued before the restart").endsWith("{\"nonce\":1}");
      }
    } finally {
      second.destroy(Teardown.DELETE_ALL_VOLUMES);
    }
  }
}
