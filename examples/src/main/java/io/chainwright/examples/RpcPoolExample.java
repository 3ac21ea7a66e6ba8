package io.chainwright.examples;

import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.policy.MonitoringPolicy;
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
import io.chainwright.ethereum.probes.NodeProbes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Three RPC nodes of different client pairs behind one nginx load balancer: least connections,
 * passive failover, per-client rate limits, subscriptions over WebSocket, administrative and
 * tracing methods refused at the edge, and the balancer alone published through the network's own
 * Gateway API gateway, with a certificate from cert-manager. In-cluster services reach the same
 * nodes through a second balancer that runs Envoy and stays internal. A blackbox exporter probes
 * every node and both balancers as their clients see them.
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
    RpcLoadBalancer edge = lb.build();
    RpcLoadBalancer inside = internal.build();
    parts.add(edge);
    parts.add(inside);
    // Each node, and each balancer as its clients reach it.
    NodeProbes probes = NodeProbes.builder().addAllNodes(nodes)
        .putRpcEndpoint(edge.name(), URI.create("http://" + edge.name() + ":" + edge.port()))
        .putRpcEndpoint(inside.name(), URI.create("http://" + inside.name() + ":" + inside.port())).build();
    parts.add(probes);
    parts.add(NetworkGateway.builder().name("edge").gatewayClass("eg").tlsIssuer("letsencrypt").build());
    return NetworkPart.network("rpc-pool", store, parts.toArray(NetworkPart[]::new))
        .withMonitoring(MonitoringPolicy.builder().alerts(probes.alertRules()).build());
  }

  private static EthereumNode pair(String name, ExecutionClient el, ConsensusClient cl, RpcAccess access, URI checkpoint) {
    return EthereumNode.builder().name(name).network(PublicNetwork.MAINNET)
        .execution(ExecutionSpec.builder().client(el).access(access).webSocket(true).build())
        .consensus(ConsensusSpec.of(cl, checkpoint))
        .build();
  }
}
