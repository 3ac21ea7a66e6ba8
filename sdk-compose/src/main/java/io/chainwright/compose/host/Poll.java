package io.chainwright.compose.host;

import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.backend.Progress;
import io.chainwright.api.backend.ProgressListener;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds, reporting each new observation. It looks often during the
 * first seconds, because a devnet answers within milliseconds and every pause adds to its start
 * time, then backs off to a calmer pace for slow starters such as syncing nodes.
 */
final class Poll {
  private static final long FIRST_PAUSE_MS = 2;
  private static final long EARLY_PAUSE_MS = 20;
  private static final long EARLY_NANOS = Duration.ofSeconds(5).toNanos();
  private static final long LONGEST_PAUSE_MS = 200;

  /** One look at the condition. */
  record Look(boolean done, String observation) {}

  private Poll() {}

  static void until(String subject, Duration timeout, ProgressListener listener, Supplier<Look> look) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long pause = FIRST_PAUSE_MS;
    String last = "nothing observed yet";
    while (true) {
      Look now = look.get();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (now.done() || !Objects.equals(now.observation(), last)) {
        listener.onProgress(new Progress(subject, now.observation(), now.done(), elapsed));
      }
      last = now.observation();
      if (now.done()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AwaitTimeoutException(subject, last, timeout);
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AwaitTimeoutException(subject, last + " (interrupted)", timeout);
      }
      long ceiling = System.nanoTime() - start < EARLY_NANOS ? EARLY_PAUSE_MS : LONGEST_PAUSE_MS;
      pause = Math.min(ceiling, pause * 2);
    }
  }
}
