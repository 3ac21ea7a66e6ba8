package io.chainwright.ethereum;

import java.time.Duration;
import java.time.Instant;

/** Polling intervals that start short and grow, so quick answers come quickly and slow waits do not flood the node. */
final class Backoff {
  private static final Duration FIRST = Duration.ofMillis(25);
  private static final Duration MOST = Duration.ofSeconds(2);
  private Duration next = FIRST;

  /** Sleeps for the next interval, never past {@code deadline}. */
  void pause(Instant deadline) throws InterruptedException {
    Duration left = Duration.between(Instant.now(), deadline);
    Duration wait = next.compareTo(left) < 0 ? next : left;
    if (!wait.isNegative() && !wait.isZero()) {
      Thread.sleep(wait);
    }
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(MOST) < 0 ? doubled : MOST;
  }
}
