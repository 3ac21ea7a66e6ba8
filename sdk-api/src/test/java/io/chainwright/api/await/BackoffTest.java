package io.chainwright.api.await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration LONG_AGO = Duration.ofMinutes(1);

  @Test
  void pausesDoubleUpToTheLongest() {
    Backoff b = Backoff.exponential(Duration.ofMillis(25), Duration.ofSeconds(2));

    assertThat(b.pause(1, LONG_AGO)).isEqualTo(Duration.ofMillis(25));
    assertThat(b.pause(2, LONG_AGO)).isEqualTo(Duration.ofMillis(50));
    assertThat(b.pause(4, LONG_AGO)).isEqualTo(Duration.ofMillis(200));
    assertThat(b.pause(8, LONG_AGO)).isEqualTo(Duration.ofSeconds(2));
    assertThat(b.pause(1_000, LONG_AGO)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void theEarlyCeilingHoldsOnlyDuringTheEarlyPeriod() {
    Backoff b = Backoff.exponential(Duration.ofMillis(2), Duration.ofMillis(200))
        .withEarlyCeiling(Duration.ofMillis(20), Duration.ofSeconds(5));

    assertThat(b.pause(10, Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(20));
    assertThat(b.pause(10, Duration.ofSeconds(6))).isEqualTo(Duration.ofMillis(200));
  }

  @RepeatedTest(20)
  void jitterStaysWithinItsFractionOfThePause() {
    Backoff b = Backoff.exponential(Duration.ofMillis(100), Duration.ofMillis(100)).withJitter(0.5);

    assertThat(b.pause(3, LONG_AGO)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(3), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longest");
    assertThatThrownBy(() -> Backoff.forNodeCalls().withJitter(2)).isInstanceOf(IllegalArgumentException.class);
  }
}
