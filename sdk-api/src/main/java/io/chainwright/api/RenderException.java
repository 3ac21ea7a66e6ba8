package io.chainwright.api;

/** A valid model could not be written in a platform's format, such as YAML; the message names what was being written. */
public class RenderException extends ChainwrightException {
  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
