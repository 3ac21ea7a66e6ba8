package io.chainwright.examples;

import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.bridge.Bridge;
import io.chainwright.ethereum.bridge.BridgeChain;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import java.net.URI;

/**
 * A bridge from the network's own mainnet node to an OP Mainnet RPC endpoint: the platform's
 * listener and executor images, a Redis queue beside them, and the executor's key from a Secret the
 * platform provides. The cluster runs Cilium, so the outside endpoint is allowed by its name.
 */
public final class BridgeExample {
  private BridgeExample() {}

  public static Network network(MaterialStore store) {
    EthereumNode l1 = EthereumNode.builder().name("l1").network(PublicNetwork.MAINNET)
        .execution(ExecutionSpec.of(ExecutionClient.GETH))
        .consensus(ConsensusSpec.of(ConsensusClient.LIGHTHOUSE, URI.create("https://checkpoint.example.org")))
        .build();
    Bridge bridge = Bridge.builder().name("l1-op")
        .source(BridgeChain.of("mainnet", 1, l1.rpcUrl()))
        .destination(BridgeChain.of("op-mainnet", 10, URI.create("https://op-rpc.example.org")))
        .listenerImage(Image.of("registry.example.org/bridge-listener:1.4.0"))
        .executorImage(Image.of("registry.example.org/bridge-executor:1.4.0"))
        .signerKey(SecretKeyRef.of("l1-op-signer", "key"))
        .healthPort(8080)
        .build();
    Network network = NetworkPart.network("bridge", store, l1, bridge);
    // On a Cilium cluster the listener and executor may reach the OP Mainnet endpoint by its name only.
    return Network.builder().from(network).isolation(IsolationPolicy.builder().cilium(true).build()).build();
  }
}
