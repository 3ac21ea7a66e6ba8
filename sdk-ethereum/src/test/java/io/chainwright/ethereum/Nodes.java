package io.chainwright.ethereum;

import java.net.URI;

/** Nodes that tests start from. */
final class Nodes {
  static final URI CHECKPOINT = URI.create("https://checkpoint.example.org");

  private Nodes() {}

  static EthereumNode.Builder mainnet(ExecutionClient el, ConsensusClient cl) {
    return EthereumNode.builder().name("node").network(PublicNetwork.MAINNET)
        .execution(ExecutionSpec.of(el))
        .consensus(ConsensusSpec.of(cl, CHECKPOINT));
  }

  static EthereumNode gethLighthouse() {
    return mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).build();
  }
}
