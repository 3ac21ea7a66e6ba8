package io.chainwright.examples;

import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.policy.NetworkGateway;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.common.RpcAccess;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import io.chainwright.ethereum.loadbalancer.BalancerProxy;
import io.chainwright.ethereum.loadbalancer.RpcLoadBalancer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Three RPC nodes of different client pairs behind one nginx load balancer: least connections,
 * passive failover, per-client rate limits, subscriptions over WebSocket, administrative and
 * tracing methods refused at the edge, and the balancer alone published through the network's own
 * Gateway API gateway, with a certificate from cert-manager. In-cluster services reach the same
 * nodes through a second balancer that runs Envoy and stays internal.
 */
public final class RpcPoolExample {
  private RpcPoolExample() {}

  public static Network network(MaterialStore store) {
    URI checkpoint = URI.create("https://checkpoint.example.org");
    RpcLoadBalancer.Builder lb = RpcLoadBalancer.builder().name("rpc-lb").rateLimitPerSecond(100).burst(200)
        .exposure(Exposure.gateway("edge", "pool.example.org"));
    RpcLoadBalancer.Builder internal = RpcLoadBalancer.builder().name("rpc-internal").proxy(BalancerProxy.ENVOY);
    RpcAccess viaBalancer = RpcAccess.builder().addVirtualHosts("rpc-lb", "rpc-internal").build();
    List<EthereumNode> nodes = List.of(
        pair("rpc-a", ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE, viaBalancer, checkpoint),
        pair("rpc-b", ExecutionClient.NETHERMIND, ConsensusClient.TEKU, viaBalancer, checkpoint),
        pair("rpc-c", ExecutionClient.RETH, ConsensusClient.LODESTAR, viaBalancer, checkpoint));
    List<NetworkPart> parts = new ArrayList<>(nodes);
    nodes.forEach(node -> lb.addUpstreams(node.rpcUrl()).addWebSocketUpstreams(node.webSocketUrl().orElseThrow()));
    nodes.forEach(node -> internal.addUpstreams(node.rpcUrl()));
    parts.add(lb.build());
    parts.add(internal.build());
    parts.add(NetworkGateway.builder().name("edge").gatewayClass("eg").tlsIssuer("letsencrypt").build());
    return NetworkPart.network("rpc-pool", store, parts.toArray(NetworkPart[]::new));
  }

  private static EthereumNode pair(String name, ExecutionClient el, ConsensusClient cl, RpcAccess access, URI checkpoint) {
    return EthereumNode.builder().name(name).network(PublicNetwork.MAINNET)
        .execution(ExecutionSpec.builder().client(el).access(access).webSocket(true).build())
        .consensus(ConsensusSpec.of(cl, checkpoint))
        .build();
  }
}
