package io.chainwright.kubernetes.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.PlatformException;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Faults the mock server cannot produce on demand, such as a reset connection, fed to the retry logic directly. */
class RetryingTest {
  private final List<Duration> pauses = new ArrayList<>();
  private final Retrying retrying = new Retrying(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), pauses::add),
      "https://api.test:6443/");
  private final Failures.Target target = new Failures.Target("StatefulSet", "statefulsets.apps", "chain", "geth");

  @Test
  void aResetConnectionIsRetried() {
    AtomicInteger calls = new AtomicInteger();

    String result = retrying.call("apply", target, () -> {
      if (calls.incrementAndGet() == 1) {
        throw new KubernetesClientException("request failed", new SocketException("Connection reset"));
      }
      return "applied";
    });

    assertThat(result).isEqualTo("applied");
    assertThat(calls).hasValue(2);
    assertThat(pauses).singleElement().satisfies(p -> assertThat(p).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)));
  }

  @Test
  void anInvalidObjectIsNotRetried() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> retrying.call("apply", target, () -> {
      calls.incrementAndGet();
      throw new KubernetesClientException(new StatusBuilder().withCode(422).withMessage("spec.replicas: Invalid value: -1").build());
    })).isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getMessage())
        .isEqualTo("Failed to apply StatefulSet chain/geth: HTTP 422 (server said: spec.replicas: Invalid value: -1)"));
    assertThat(calls).hasValue(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void backoffDoublesUpToItsCeiling() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(1), p -> { });

    assertThat(List.of(policy.backoff(1), policy.backoff(2), policy.backoff(3), policy.backoff(4)))
        .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofSeconds(1));
  }

  @Test
  void aBrokenConnectionThatNeverRecoversEndsWithTheLastError() {
    assertThatThrownBy(() -> retrying.call("delete", target, () -> {
      throw new KubernetesClientException("request failed", new IOException("Connection refused"));
    })).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.verb()).isEqualTo("delete");
      assertThat(e.getMessage()).contains("gave up after 3 attempts");
    });
    assertThat(pauses).hasSize(2);
  }
}
