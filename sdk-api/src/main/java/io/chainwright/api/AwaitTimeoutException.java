package io.chainwright.api;

import java.time.Duration;

/** A wait ran out of time; the message says what was awaited and the last state seen. */
public class AwaitTimeoutException extends ChainwrightException {
  private final String awaited;
  private final String lastState;
  private final Duration timeout;

  public AwaitTimeoutException(String awaited, String lastState, Duration timeout) {
    super("Timed out after " + timeout + " waiting for " + awaited + "; last seen: " + lastState);
    this.awaited = awaited;
    this.lastState = lastState;
    this.timeout = timeout;
  }

  /** What was being waited for, e.g. {@code StatefulSet chain/geth ready}. */
  public String awaited() {
    return awaited;
  }

  /** The last observation before the deadline, e.g. {@code 1/3 replicas ready}. */
  public String lastState() {
    return lastState;
  }

  public Duration timeout() {
    return timeout;
  }
}
