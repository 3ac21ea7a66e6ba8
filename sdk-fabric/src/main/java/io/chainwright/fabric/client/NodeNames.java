package io.chainwright.fabric.client;

/** How a client names its node in errors: the kind, the node's own name when the caller knows it, and the address. */
final class NodeNames {
  private NodeNames() {}

  /** E.g. {@code orderer 127.0.0.1:7053}, or {@code orderer orderer0 of ord at 127.0.0.1:7053}. */
  static String of(String kind, String name, Endpoint endpoint) {
    return name == null ? kind + " " + endpoint : kind + " " + name + " at " + endpoint;
  }
}
