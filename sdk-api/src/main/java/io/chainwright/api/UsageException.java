package io.chainwright.api;

/**
 * The SDK was asked for something that does not exist or cannot be served here: a workload or
 * port a network does not have, a backend that is not on the class path, a test class without the
 * field an extension needs. The message says what was asked and what there is.
 */
public class UsageException extends ChainwrightException {
  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
