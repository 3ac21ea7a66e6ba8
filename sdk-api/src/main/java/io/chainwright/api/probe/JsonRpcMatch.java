package io.chainwright.api.probe;

/** How a {@link JsonRpcExpectation} compares the result. */
public enum JsonRpcMatch {
  ANY_RESULT,
  EQUALS,
  NOT_EQUALS
}
