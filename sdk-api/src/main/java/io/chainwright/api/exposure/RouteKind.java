package io.chainwright.api.exposure;

/** What a gateway route carries to a port, and so which Gateway API route kind it becomes. */
public enum RouteKind {
  /** HTTP or WebSocket (JSON-RPC, REST), TLS ended at the gateway: an {@code HTTPRoute}. */
  HTTP,
  /** gRPC, TLS ended at the gateway: a {@code GRPCRoute}. */
  GRPC,
  /**
   * TLS passed through to the port untouched, chosen by the name the client asks for (SNI): a
   * {@code TLSRoute}. For servers that end TLS themselves, e.g. with client certificates.
   */
  TLS_PASSTHROUGH,
  /**
   * Plain TCP forwarded from a gateway port of its own, e.g. a node's peer-to-peer port: a
   * {@code TCPRoute} (Gateway API's experimental channel; the gateway's implementation must support it).
   */
  TCP,
  /** UDP forwarded from a gateway port of its own, e.g. node discovery: a {@code UDPRoute} (experimental channel). */
  UDP;

  /** True for routes that take a gateway port of their own, told apart by port rather than by host name. */
  public boolean byPort() {
    return this == TCP || this == UDP;
  }
}
