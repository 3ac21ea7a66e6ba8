package io.chainwright.ethereum;

import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import java.net.URI;

/** Nodes that tests start from. */
public final class Nodes {
  public static final URI CHECKPOINT = URI.create("https://checkpoint.example.org");

  private Nodes() {}

  public static EthereumNode.Builder mainnet(ExecutionClient el, ConsensusClient cl) {
    return EthereumNode.builder().name("node").network(PublicNetwork.MAINNET)
        .execution(ExecutionSpec.of(el))
        .consensus(ConsensusSpec.of(cl, CHECKPOINT));
  }

  public static EthereumNode gethLighthouse() {
    return mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).build();
  }
}
