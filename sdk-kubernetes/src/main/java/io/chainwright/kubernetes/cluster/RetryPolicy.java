package io.chainwright.kubernetes.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently API calls are retried on conflicts, throttling, server errors and
 * dropped connections: exponential backoff from {@code initialBackoff} up to {@code maxBackoff},
 * or the server's own Retry-After when it gives one.
 *
 * @param maxAttempts attempts in all, the first included
 * @param initialBackoff the pause after the first failure
 * @param maxBackoff the longest pause between attempts
 * @param sleeper how pauses are taken; tests pass one that records them
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {
  /** Takes a pause between attempts. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration pause) throws InterruptedException;
  }

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Six attempts, 200 ms doubling up to 10 s: about 16 s of patience before giving up. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(10), pause -> Thread.sleep(pause));
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, pause -> { });
  }

  public RetryPolicy withSleeper(Sleeper sleeper) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, sleeper);
  }

  /** The pause after failed attempt {@code attempt} (1-based), without jitter. */
  Duration backoff(int attempt) {
    long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
