package io.chainwright.kubernetes.cluster;

import io.chainwright.api.ChainwrightException;
import io.chainwright.api.PlatformException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs API calls under a {@link RetryPolicy}, and turns what finally fails into a {@link PlatformException}. */
final class Retrying {
  private static final Logger LOG = LoggerFactory.getLogger(Retrying.class);
  private final RetryPolicy policy;

  Retrying(RetryPolicy policy) {
    this.policy = policy;
  }

  <T> T call(String verb, Failures.Target target, Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ChainwrightException e) {
        throw e;
      } catch (RuntimeException e) {
        if (!Failures.isTransient(e) || attempt >= policy.maxAttempts()) {
          throw Failures.describe(verb, target, e, attempt);
        }
        Duration backoff = policy.backoff(attempt);
        Duration pause = Failures.retryAfter(e).orElseGet(() -> jitter(backoff));
        LOG.debug("{} {} failed ({}); attempt {} of {} in {} ms", verb, target.describe(), e.getMessage(),
            attempt + 1, policy.maxAttempts(), pause.toMillis());
        try {
          policy.sleeper().sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new PlatformException(verb, target.describe(), "interrupted while waiting to retry", interrupted);
        }
      }
    }
  }

  /** Between half and all of the backoff, so that parallel callers do not retry in lockstep. */
  private static Duration jitter(Duration backoff) {
    long millis = backoff.toMillis();
    return millis < 2 ? backoff : Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
  }
}
