package io.chainwright.examples;

import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.ethereum.NodeSize;
import io.chainwright.l2.ParentChain;
import io.chainwright.l2.opstack.OpNetwork;
import io.chainwright.l2.opstack.OpStackChain;

/** A Base mainnet node: transactions forwarded to Base's sequencer, op-node taking peers on a node port. */
public final class BaseNodeExample {
  private BaseNodeExample() {}

  public static Network network(MaterialStore store) {
    return OpStackChain.builder()
        .name("base")
        .network(OpNetwork.BASE_MAINNET)
        .l1(ParentChain.external("mainnet-l1", "rpc-url", "beacon-url"))
        .size(NodeSize.LARGE)
        .p2pExposure(Exposure.nodePort())
        .build()
        .addTo(Network.builder().name("base-mainnet").addSecret(Secret.provided("mainnet-l1")), store.forNetwork("base-mainnet"))
        .build();
  }
}
