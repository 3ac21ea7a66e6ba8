package io.chainwright.examples;

import io.chainwright.api.Network;
import java.util.List;

/** Every example network, in the order they are rendered. */
public final class Examples {
  private Examples() {}

  public static List<Network> all() {
    return List.of(DevnetExample.network(), EthereumNodeExample.network(), ProverExample.network(), RpcEdgeExample.network(),
        MainnetRpcNodeExample.network(), RpcPoolExample.network(), ValidatorsExample.network(), BesuNetworkExample.network(),
        FabricExamples.compile(FabricExamples.production()), FabricExamples.compile(FabricExamples.consortium()));
  }
}
