package io.chainwright.api.await;

import java.time.Duration;

/**
 * One observation during a wait.
 *
 * @param subject what is awaited, e.g. {@code StatefulSet devnet/geth}
 * @param state the latest observation, e.g. {@code 1/3 replicas ready} or {@code block 120 of 4000}
 * @param ready whether the subject has reached the awaited state
 * @param elapsed time since the wait began
 */
public record Progress(String subject, String state, boolean ready, Duration elapsed) {
  @Override
  public String toString() {
    return subject + ": " + state + (ready ? " (ready)" : "") + " after " + elapsed.toMillis() + " ms";
  }
}
