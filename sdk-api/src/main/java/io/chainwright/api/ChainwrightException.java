package io.chainwright.api;

/**
 * The root of every exception Chainwright throws; unchecked, so callers catch only what they can
 * handle. It is never thrown itself: each failure has a subclass that says what kind it is.
 *
 * <ul>
 *   <li>{@link ValidationException}: a model is not valid, with every violation and its path;
 *   <li>{@link PlatformException}: a platform refused or failed a verb on an object;
 *   <li>{@link AwaitTimeoutException}: a wait ran out, with what was awaited and the last state seen;
 *   <li>{@link NodeCallException}: a call to a running node failed, with its endpoint and method;
 *   <li>{@link TransactionRevertedException}: a mined transaction reverted, with its hash;
 *   <li>{@link MaterialException}: secret or generated material could not be read, written or made;
 *   <li>{@link RenderException}: a model could not be written in a platform's format;
 *   <li>{@link UsageException}: the SDK was asked for something that does not exist here.
 * </ul>
 */
public abstract class ChainwrightException extends RuntimeException {
  protected ChainwrightException(String message) {
    super(message);
  }

  protected ChainwrightException(String message, Throwable cause) {
    super(message, cause);
  }
}
