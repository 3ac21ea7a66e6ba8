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
  private final String server;

  /** Retries under {@code policy}; failures to reach it at all name {@code server}, the API server's address. */
  Retrying(RetryPolicy policy, String server) {
    this.policy = policy;
    this.server = server;
  }

  <T> T call(String verb, Failures.Target target, Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ChainwrightException e) {
        throw e;
      } catch (RuntimeException e) {
        Failures.unreachable(e).ifPresent(cause -> {
          throw new PlatformException(verb, target.describe(), "cannot reach the Kubernetes API server at " + server + ": " + cause
              + " (is the cluster up, and does the kube config name its server?)", e);
        });
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
