package io.chainwright.examples;

import io.chainwright.api.Network;
import java.util.ArrayList;
import java.util.List;

/** Every example network, in the order they are rendered. */
public final class Examples {
  private Examples() {}

  public static List<Network> all() {
    List<Network> all = new ArrayList<>(List.of(DevnetExample.network(), EthereumNodeExample.network(), ProverExample.network(), RpcEdgeExample.network(),
        MainnetRpcNodeExample.network(), RpcPoolExample.network(), ValidatorsExample.network(), BesuNetworkExample.network(),
        FabricExamples.compile(FabricExamples.production()), FabricExamples.compile(FabricExamples.consortium())));
    all.addAll(RollupExamples.all());
    return List.copyOf(all);
  }
}
