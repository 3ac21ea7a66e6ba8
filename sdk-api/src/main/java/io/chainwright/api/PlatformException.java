package io.chainwright.api;

/** A platform refused or failed an operation; the message names the verb and the object. */
public class PlatformException extends ChainwrightException {
  private final String verb;
  private final String object;

  public PlatformException(String verb, String object, String detail, Throwable cause) {
    super("Failed to " + verb + " " + object + (detail == null || detail.isBlank() ? "" : ": " + detail), cause);
    this.verb = verb;
    this.object = object;
  }

  public PlatformException(String verb, String object, String detail) {
    this(verb, object, detail, null);
  }

  /** What was being done, e.g. {@code apply}. */
  public String verb() {
    return verb;
  }

  /** What it was done to, e.g. {@code StatefulSet chain/geth}. */
  public String object() {
    return object;
  }
}
