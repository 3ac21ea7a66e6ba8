package io.chainwright.api.await;

import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.PlatformException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way Chainwright waits: look at a condition, pause by a {@link Backoff}, and repeat until
 * it holds or the deadline passes. Every change of what is observed is reported once to the
 * listener (and at DEBUG to the log), with what is awaited and the time elapsed; a timeout throws
 * {@link AwaitTimeoutException} naming the last observation.
 *
 * <pre>{@code
 * TransactionReceipt receipt = Await.of("receipt of " + hash)
 *     .timeout(Duration.ofSeconds(30))
 *     .retryingOn(IOException.class)
 *     .until(() -> find(hash).map(r -> Observation.done(r, "mined")).orElse(Observation.waiting("not mined yet")));
 * }</pre>
 */
public final class Await {
  private static final Logger LOG = LoggerFactory.getLogger(Await.class);

  private final String subject;
  private Deadline deadline;
  private Duration timeout = Duration.ofMinutes(1);
  private Backoff backoff = Backoff.forNodeCalls();
  private ProgressListener listener = ProgressListener.none();
  private Predicate<Throwable> retryable = e -> false;
  private Function<Throwable, String> describeFailure = Await::unreachable;

  private Await(String subject) {
    this.subject = Objects.requireNonNull(subject, "subject");
  }

  /** A wait for {@code subject}, e.g. {@code node http://127.0.0.1:8545 at block 12}. */
  public static Await of(String subject) {
    return new Await(subject);
  }

  /** How long to wait from the first look; one minute unless set. */
  public Await timeout(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.deadline = null;
    return this;
  }

  /** A deadline shared with other waits; a timeout then reports the deadline's whole timeout. */
  public Await deadline(Deadline deadline) {
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    return this;
  }

  public Await backoff(Backoff backoff) {
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    return this;
  }

  public Await listener(ProgressListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Failures of these types are observations (a node not answering yet), not the end of the wait. */
  @SafeVarargs
  public final Await retryingOn(Class<? extends Throwable>... types) {
    return retryingIf(e -> {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(e)) {
          return true;
        }
      }
      return false;
    });
  }

  /** Failures that pass {@code test} are observations, not the end of the wait. */
  public Await retryingIf(Predicate<Throwable> test) {
    this.retryable = Objects.requireNonNull(test, "test");
    return this;
  }

  /** How a retried failure reads as an observation; {@code unreachable: <message>} unless set. */
  public Await describingFailures(Function<Throwable, String> describe) {
    this.describeFailure = Objects.requireNonNull(describe, "describe");
    return this;
  }

  /**
   * Looks until {@code condition} holds and returns its value.
   *
   * @throws AwaitTimeoutException when the deadline passes first, or the thread is interrupted
   * @throws RuntimeException whatever unchecked failure the condition threw that is not retried, unchanged
   * @throws PlatformException wrapping a checked failure that is not retried
   */
  public <T> T until(Condition<T> condition) {
    try {
      return untilRethrowing(condition);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new PlatformException("wait for", subject, e.toString(), e);
    }
  }

  /**
   * Like {@link #until}, but a checked failure that is not retried is thrown as it is, for callers
   * that translate a client library's own exceptions.
   */
  public <T> T untilRethrowing(Condition<T> condition) throws Exception {
    Deadline end = deadline != null ? deadline : Deadline.in(timeout);
    long start = System.nanoTime();
    String last = null;
    for (int attempt = 1; ; attempt++) {
      Observation<T> seen = look(condition);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (seen.done() || !seen.state().equals(last)) {
        Progress p = new Progress(subject, seen.state(), seen.done(), elapsed);
        LOG.debug("{}", p);
        listener.onProgress(p);
      }
      last = seen.state();
      if (seen.done()) {
        return seen.value().orElse(null);
      }
      if (end.hasPassed()) {
        throw new AwaitTimeoutException(subject, last, end.timeout());
      }
      Duration pause = backoff.pause(attempt, elapsed);
      Duration left = end.remaining();
      try {
        Thread.sleep(pause.compareTo(left) < 0 ? pause : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AwaitTimeoutException(subject, "interrupted; last seen: " + last, end.timeout());
      }
    }
  }

  private <T> Observation<T> look(Condition<T> condition) throws Exception {
    try {
      return Objects.requireNonNull(condition.look(), "a condition's observation");
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      if (retryable.test(e)) {
        return Observation.waiting(describeFailure.apply(e));
      }
      throw e;
    }
  }

  private static String unreachable(Throwable e) {
    return "unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }
}
