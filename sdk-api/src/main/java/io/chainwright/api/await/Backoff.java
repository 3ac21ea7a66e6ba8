package io.chainwright.api.await;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pauses between looks that start short and double up to a ceiling, so a quick answer is seen at
 * once and a slow wait does not flood what it watches. Jitter spreads the pauses of many waiters;
 * an early ceiling keeps the first seconds brisk for things that usually answer within them.
 *
 * @param first the first pause
 * @param longest the longest pause
 * @param jitter the fraction of each pause that is random, from 0 (none) to 1
 * @param earlyCeiling the longest pause during {@code earlyPeriod}
 * @param earlyPeriod how long {@code earlyCeiling} applies, from the start of the wait
 */
public record Backoff(Duration first, Duration longest, double jitter, Duration earlyCeiling, Duration earlyPeriod) {
  public Backoff {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(longest, "longest");
    Objects.requireNonNull(earlyCeiling, "earlyCeiling");
    Objects.requireNonNull(earlyPeriod, "earlyPeriod");
    if (first.isNegative() || first.compareTo(longest) > 0) {
      throw new IllegalArgumentException("The first pause must lie between zero and the longest: " + first + ", " + longest);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("Jitter is a fraction from 0 to 1, not " + jitter);
    }
  }

  /** Pauses from {@code first}, doubling up to {@code longest}, without jitter. */
  public static Backoff exponential(Duration first, Duration longest) {
    return new Backoff(first, longest, 0, longest, Duration.ZERO);
  }

  /** The same pause every time. */
  public static Backoff fixed(Duration pause) {
    return exponential(pause, pause);
  }

  /** For node calls: 25 ms doubling up to 2 s. */
  public static Backoff forNodeCalls() {
    return exponential(Duration.ofMillis(25), Duration.ofSeconds(2));
  }

  /** The same pauses with a random {@code fraction} of each. */
  public Backoff withJitter(double fraction) {
    return new Backoff(first, longest, fraction, earlyCeiling, earlyPeriod);
  }

  /** Pauses no longer than {@code ceiling} during the first {@code period} of a wait. */
  public Backoff withEarlyCeiling(Duration ceiling, Duration period) {
    return new Backoff(first, longest, jitter, ceiling, period);
  }

  /** The pause before look {@code attempt + 1}, after looking for {@code elapsed}; {@code attempt} counts from 1. */
  public Duration pause(int attempt, Duration elapsed) {
    Duration ceiling = elapsed.compareTo(earlyPeriod) < 0 && earlyCeiling.compareTo(longest) < 0 ? earlyCeiling : longest;
    long nanos = first.toNanos();
    for (int i = 1; i < attempt && nanos < ceiling.toNanos(); i++) {
      nanos *= 2;
    }
    nanos = Math.max(Math.min(nanos, ceiling.toNanos()), 0);
    if (jitter > 0 && nanos > 0) {
      long spread = (long) (nanos * jitter);
      nanos = nanos - spread + ThreadLocalRandom.current().nextLong(spread + 1);
    }
    return Duration.ofNanos(nanos);
  }
}
