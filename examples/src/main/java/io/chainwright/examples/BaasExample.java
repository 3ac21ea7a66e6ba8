package io.chainwright.examples;

import io.chainwright.api.Network;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.exposure.GatewayController;
import io.chainwright.api.exposure.GatewayExposure;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.api.policy.StorageClass;
import io.chainwright.api.policy.TenantQuota;
import io.chainwright.api.tenant.Tenancy;
import io.chainwright.api.tenant.Tenant;
import io.chainwright.api.tenant.TenantPlan;
import io.chainwright.api.tenant.TenantPlatform;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.NodeSize;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.common.RpcAccess;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import io.chainwright.ethereum.loadbalancer.ApiConsumer;
import io.chainwright.ethereum.loadbalancer.RpcLoadBalancer;
import io.chainwright.fabric.FabricNetwork;
import java.net.URI;
import java.util.List;

/**
 * Blockchain as a service: two tenants on different plans, each with a mainnet RPC node in a
 * namespace of its own behind an RPC load balancer that refuses administrative and tracing methods,
 * the balancer published through the platform's shared gateway (Envoy Gateway, which holds each
 * tenant's host to the sum of its consumers' rates), and the second tenant also with a
 * Fabric network (three Raft orderers, two orgs with two CouchDB peers each); each network held to its plan's
 * quota, isolated from the other tenant, with quota alerts and its tenant's administrators.
 */
public final class BaasExample {
  static final String STORAGE = "chain-data";
  static final String BALANCER = "rpc-lb";
  private static final URI CHECKPOINT = URI.create("https://checkpoint.example.org");

  private BaasExample() {}

  public static Tenancy tenancy(MaterialStore store) {
    TenantPlatform platform = TenantPlatform.builder().gateway("public").gatewayNamespace("gateway-system")
        .proxyNamespace("envoy-gateway-system").putMonitoringLabel("release", "prometheus").build();
    TenantPlan starter = TenantPlan.of("starter", TenantQuota.builder().cpu("8").memory("32Gi").storage("4Ti")
        .putStorageClassLimit(STORAGE, "4Ti").persistentVolumeClaims(4).pods(10)
        .defaultCpuRequest("100m").defaultMemoryRequest("128Mi").defaultCpuLimit("1").defaultMemoryLimit("1Gi").build());
    TenantPlan dedicated = TenantPlan.of("dedicated", TenantQuota.builder().cpu("32").memory("128Gi").storage("16Ti")
        .putStorageClassLimit(STORAGE, "16Ti").persistentVolumeClaims(32).pods(60)
        .defaultCpuRequest("250m").defaultMemoryRequest("256Mi").defaultCpuLimit("2").defaultMemoryLimit("4Gi").build());
    return Tenancy.builder().platform(platform)
        .addTenants(Tenant.builder().name("acme").plan(starter).owner("ops@acme.example").addAdminGroups("acme-admins")
                .putLabel("cost-centre", "acme").addNetworks(rpcNetwork("acme-mainnet", ExecutionClient.GETH,
                    ConsensusClient.LIGHTHOUSE, NodeSize.SMALL, "rpc.acme.example",
                    List.of(ApiConsumer.of("wallet", 100), ApiConsumer.builder().name("analytics").rateLimitPerSecond(10).addAllowedNamespaces("eth", "net", "web3").build()), store)).build(),
            Tenant.builder().name("globex").plan(dedicated).owner("sre@globex.example").addAdminGroups("globex-admins")
                .putLabel("cost-centre", "globex").addNetworks(rpcNetwork("globex-mainnet", ExecutionClient.NETHERMIND,
                    ConsensusClient.TEKU, NodeSize.MEDIUM, "rpc.globex.example",
                    List.of(ApiConsumer.of("trading", 500), ApiConsumer.of("back-office", 50)), store),
                    FabricExamples.compile(FabricNetwork.builder().from(FabricExamples.production()).name("globex-fabric").build(), store))
                .build())
        .build();
  }

  /** Each tenant's networks as the platform runs them. */
  public static List<Network> networks(MaterialStore store) {
    return tenancy(store).networks();
  }

  /**
   * One RPC node behind a balancer: clients reach the balancer through the platform's gateway with
   * the API key of one of the tenant's consumers, each at its own rate, and it refuses admin_,
   * personal_, debug_ and their kind at the edge before anything reaches the node, whose own RPC stays
   * inside the network; peer-to-peer traffic is outbound only.
   */
  private static Network rpcNetwork(String name, ExecutionClient el, ConsensusClient cl, NodeSize size, String host,
      List<ApiConsumer> consumers, MaterialStore store) {
    EthereumNode node = EthereumNode.builder().name("node").network(PublicNetwork.MAINNET)
        // The balancer presents its own name to the node, which must allow it.
        .execution(ExecutionSpec.builder().client(el).access(RpcAccess.builder().addVirtualHost(BALANCER).build()).build())
        .consensus(ConsensusSpec.of(cl, CHECKPOINT))
        .size(size).storageClass(STORAGE)
        // A shared cluster publishes no node ports; the node still dials out to its peers.
        .p2pExposure(Exposure.internal())
        .build();
    RpcLoadBalancer balancer = RpcLoadBalancer.builder().name(BALANCER).addUpstreams(node.rpcUrl()).consumers(consumers).build();
    // The platform's gateway (Envoy Gateway) holds the host to what its consumers may send together.
    int hostRate = consumers.stream().mapToInt(c -> c.rateLimitPerSecond().orElse(balancer.rateLimitPerSecond())).sum();
    RpcLoadBalancer lb = RpcLoadBalancer.builder().from(balancer)
        .exposure(GatewayExposure.builder().gateway("public").gatewayNamespace("gateway-system").host(host)
            .controller(GatewayController.ENVOY_GATEWAY).rateLimitPerSecond(hostRate).build())
        .build();
    return lb.addTo(node.addTo(Network.builder().name(name), store.forNetwork(name)), store.forNetwork(name))
        .addStorageClass(StorageClass.existing(STORAGE))
        .monitoring(MonitoringPolicy.builder().putLabel("release", "prometheus").alerts(node.alertRules()).build())
        .build();
  }
}
