package io.chainwright.api;

import java.util.Optional;

/** A call to a running node failed; the message names the endpoint, the method and what the node answered. */
public class NodeCallException extends ChainwrightException {
  private final String endpoint;
  private final String method;
  private final Integer errorCode;

  /**
   * @param endpoint where the node was called, e.g. {@code http://127.0.0.1:8545}
   * @param method the method or request, e.g. {@code eth_call} or {@code GET /eth/v1/node/syncing}
   * @param errorCode the node's own error code (a JSON-RPC code, an HTTP status), or null when it gave none
   * @param detail what went wrong, e.g. the node's error message
   */
  public NodeCallException(String endpoint, String method, Integer errorCode, String detail, Throwable cause) {
    super(method + " on " + endpoint + " failed: " + detail, cause);
    this.endpoint = endpoint;
    this.method = method;
    this.errorCode = errorCode;
  }

  public NodeCallException(String endpoint, String method, Integer errorCode, String detail) {
    this(endpoint, method, errorCode, detail, null);
  }

  /** Where the node was called. */
  public String endpoint() {
    return endpoint;
  }

  /** The method or request that failed. */
  public String method() {
    return method;
  }

  /** The node's own error code, when it answered with one. */
  public Optional<Integer> errorCode() {
    return Optional.ofNullable(errorCode);
  }
}
