package io.chainwright.examples;

import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.l2.ParentChain;
import io.chainwright.l2.opstack.OpNetwork;
import io.chainwright.l2.opstack.OpStackChain;

/**
 * An OP Sepolia replica: op-geth and op-node paired by a fresh JWT, following the chain from a
 * Sepolia provider whose URLs (with their API keys) are kept in a secret created outside.
 */
public final class OpSepoliaExample {
  private OpSepoliaExample() {}

  public static Network network(MaterialStore store) {
    return OpStackChain.builder()
        .name("op-sepolia")
        .network(OpNetwork.OP_SEPOLIA)
        .l1(ParentChain.external("sepolia-l1", "rpc-url", "beacon-url"))
        .build()
        .addTo(Network.builder().name("op-sepolia").addSecret(Secret.provided("sepolia-l1")), store.forNetwork("op-sepolia"))
        .build();
  }
}
