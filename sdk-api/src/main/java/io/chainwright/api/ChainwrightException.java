package io.chainwright.api;

/** The root of every exception Chainwright throws; unchecked, so callers catch only what they can handle. */
public class ChainwrightException extends RuntimeException {
  public ChainwrightException(String message) {
    super(message);
  }

  public ChainwrightException(String message, Throwable cause) {
    super(message, cause);
  }
}
