package io.chainwright.api.await;

import java.time.Duration;

/**
 * A point in time by which several waits must be done, with the timeout it came from, so that a
 * late wait in a series reports the whole timeout that ran out rather than what was left of it.
 */
public final class Deadline {
  private final long startNanos;
  private final long endNanos;
  private final Duration timeout;

  private Deadline(Duration timeout) {
    this.timeout = timeout;
    this.startNanos = System.nanoTime();
    this.endNanos = startNanos + timeout.toNanos();
  }

  /** A deadline {@code timeout} from now. */
  public static Deadline in(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("A timeout cannot be negative: " + timeout);
    }
    return new Deadline(timeout);
  }

  /** The timeout this deadline was set with. */
  public Duration timeout() {
    return timeout;
  }

  /** Time left, never negative. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  public boolean hasPassed() {
    return System.nanoTime() - endNanos >= 0;
  }

  /** Time since the deadline was set. */
  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
