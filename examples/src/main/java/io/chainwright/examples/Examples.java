package io.chainwright.examples;

import io.chainwright.api.Network;
import io.chainwright.api.material.MaterialStore;
import java.util.ArrayList;
import java.util.List;

/** Every example network, in the order they are rendered. */
public final class Examples {
  private Examples() {}

  /** Every example, its generated material kept in {@code store}. */
  public static List<Network> all(MaterialStore store) {
    List<Network> all = new ArrayList<>(List.of(DevnetExample.network(), EthereumNodeExample.network(store), ProverExample.network(store), RpcEdgeExample.network(),
        MainnetRpcNodeExample.network(store), RpcPoolExample.network(store), BridgeExample.network(store), ValidatorsExample.network(store), BesuNetworkExample.network(store),
        FabricExamples.compile(FabricExamples.production(), store), FabricExamples.compile(FabricExamples.consortium(), store)));
    all.addAll(RollupExamples.all(store));
    all.addAll(BaasExample.networks(store));
    return List.copyOf(all);
  }
}
