package io.chainwright.fabric.channel;

import io.chainwright.fabric.FabricOrg;

/**
 * Where channel members dial an orderer or an anchor peer, as the channel config records it. On
 * Kubernetes and Compose that is the node's workload name and port, which the platform resolves; a
 * devnet on host processes records the loopback ports it was given instead.
 */
@FunctionalInterface
public interface NodeAddresses {
  /** The {@code host:port} of {@code node} of {@code org}, which listens on {@code port} inside its workload. */
  String of(FabricOrg org, String node, int port);

  /** Each node at its workload name and declared port, e.g. {@code org1-peer0:7051}. */
  static NodeAddresses workloads() {
    return (org, node, port) -> org.workload(node) + ":" + port;
  }
}
