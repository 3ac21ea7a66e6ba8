package io.chainwright.ethereum.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.InvalidProtocolBufferException;
import io.chainwright.api.Network;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.Nodes;
import io.chainwright.ethereum.Rendered;
import io.chainwright.ethereum.Validation;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.rbac.v3.Permission;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Envoy balancer's configuration is one Envoy reads (every key in its API, every validation rule
 * kept, nothing deprecated) and does what the nginx one does, or is refused where it cannot.
 */
class EnvoyConfTest {
  static RpcLoadBalancer envoy() {
    return RpcLoadBalancer.builder().from(RpcLoadBalancerTest.balancer()).proxy(BalancerProxy.ENVOY).build();
  }

  static HttpConnectionManager manager(Bootstrap bootstrap) throws InvalidProtocolBufferException {
    return bootstrap.getStaticResources().getListeners(0).getFilterChains(0).getFilters(0).getTypedConfig()
        .unpack(HttpConnectionManager.class);
  }

  static List<Route> routes(Bootstrap bootstrap) throws InvalidProtocolBufferException {
    return manager(bootstrap).getRouteConfig().getVirtualHosts(0).getRoutesList();
  }

  @Test
  void envoyReadsTheConfigurationWithEveryRuleKeptAndNothingDeprecated() throws Exception {
    RpcLoadBalancer withWebSocket = RpcLoadBalancer.builder().from(envoy())
        .addWebSocketUpstreams(URI.create("http://rpc-a-geth:8546")).build();
    for (RpcLoadBalancer lb : List.of(envoy(), withWebSocket)) {
      Bootstrap bootstrap = EnvoyApi.read(lb.envoyConf());
      assertThat(EnvoyApi.problems(bootstrap)).isEmpty();
      assertThat(bootstrap.hasAdmin()).as("no admin interface").isFalse();
    }
  }

  @Test
  void theCheckFindsUnknownKeysBrokenRulesAndDeprecatedFields() throws Exception {
    String conf = envoy().envoyConf();
    assertThatThrownBy(() -> EnvoyApi.read(conf.replace("use_remote_address:", "use_remote_addr:")))
        .hasMessageContaining("use_remote_addr");
    assertThat(EnvoyApi.problems(EnvoyApi.read(conf.replace("stat_prefix: rpc_rate", "stat_prefix: \"\""))))
        .containsExactly("Bootstrap.static_resources.listeners.filter_chains.filters.typed_config<HttpConnectionManager>"
            + ".http_filters.typed_config<LocalRateLimit>.stat_prefix: '' is too short");
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode tree = yaml.readTree(conf);
    for (JsonNode permission : tree.findParents("sourced_metadata")) {
      ObjectNode p = (ObjectNode) permission;
      p.set("metadata", p.remove("sourced_metadata").get("metadata_matcher"));
    }
    assertThat(EnvoyApi.problems(EnvoyApi.read(yaml.writeValueAsString(tree)))).hasSize(7)
        .allSatisfy(problem -> assertThat(problem).endsWith("permissions.or_rules.rules.metadata: deprecated"));
  }

  @Test
  void postsGoToTheLeastBusyNodeAndAreRetriedOnlyWhenNoNodeReceivedThem() throws Exception {
    Bootstrap bootstrap = EnvoyApi.read(envoy().envoyConf());
    Route post = routes(bootstrap).get(2);
    RouteAction action = post.getRoute();
    assertThat(post.getMatch().getHeaders(0).getName()).isEqualTo(":method");
    assertThat(action.getCluster()).isEqualTo("rpc_nodes");
    assertThat(action.getHostRewriteLiteral()).as("the name nodes list among their virtual hosts").isEqualTo("rpc-lb");
    assertThat(action.getTimeout().getSeconds()).isEqualTo(60);
    assertThat(action.getRetryPolicy().getRetryOn()).isEqualTo("connect-failure,refused-stream");
    assertThat(action.getRetryPolicy().getRetryHostPredicate(0).getName()).isEqualTo("envoy.retry_host_predicates.previous_hosts");

    Cluster nodes = bootstrap.getStaticResources().getClusters(0);
    assertThat(nodes.getLbPolicy()).isEqualTo(Cluster.LbPolicy.LEAST_REQUEST);
    assertThat(nodes.getLoadAssignment().getEndpoints(0).getLbEndpointsList())
        .extracting(e -> e.getEndpoint().getAddress().getSocketAddress().getAddress() + ":"
            + e.getEndpoint().getAddress().getSocketAddress().getPortValue())
        .containsExactly("rpc-a-geth:8545", "rpc-b-geth:8545", "rpc-c-geth:8545");
    assertThat(nodes.getOutlierDetection().getConsecutiveGatewayFailure().getValue()).isEqualTo(3);
    assertThat(nodes.getOutlierDetection().getBaseEjectionTime().getSeconds()).isEqualTo(10);
    assertThat(nodes.getOutlierDetection().getMaxEjectionPercent().getValue()).isEqualTo(100);
    assertThat(nodes.getCommonLbConfig().getHealthyPanicThreshold().getValue())
        .as("resting nodes never take requests, however few are left").isZero();
  }

  @Test
  void administrativeAndTracingNamespacesAndBatchesAreRefusedWithAJsonRpcError() throws Exception {
    HttpConnectionManager manager = manager(EnvoyApi.read(envoy().envoyConf()));
    RBAC rbac = filter(manager, "envoy.filters.http.rbac").unpack(RBAC.class);
    List<Permission> refused = rbac.getRules().getPoliciesOrThrow("refused-methods").getPermissions(0).getOrRules().getRulesList();

    assertThat(rbac.getRules().getAction().name()).isEqualTo("DENY");
    assertThat(refused).extracting(p -> p.getSourcedMetadata().getMetadataMatcher().getValue().getStringMatch())
        .extracting(m -> m.hasExact() ? "=" + m.getExact() : m.getPrefix())
        .containsExactly("=" + EnvoyConf.NO_METHOD, "admin_", "engine_", "miner_", "personal_", "debug_", "trace_");
    assertThat(manager.getLocalReplyConfig().getMappers(0).getBody().getInlineString()).startsWith(NginxConf.REFUSAL);
    assertThat(manager.getLocalReplyConfig().getMappers(0).getBodyFormatOverride().getContentType())
        .isEqualTo("application/json");
    assertThat(routes(EnvoyApi.read(envoy().envoyConf()))).last().satisfies(rest -> {
      assertThat(rest.getDirectResponse().getStatus()).as("a plain GET").isEqualTo(403);
      assertThat(rest.getDirectResponse().getBody().getInlineString()).startsWith(NginxConf.REFUSAL);
    });
  }

  @Test
  void eachClientAddressHasItsOwnBucketAndBodiesAreCappedAtTheMaximumSize() throws Exception {
    HttpConnectionManager manager = manager(EnvoyApi.read(RpcLoadBalancer.builder().from(envoy()).maxBodySize("512k")
        .build().envoyConf()));
    LocalRateLimit limit = filter(manager, "envoy.filters.http.local_ratelimit").unpack(LocalRateLimit.class);

    assertThat(limit.getDescriptors(0).getEntries(0).getKey()).isEqualTo("remote_address");
    assertThat(limit.getDescriptors(0).getEntries(0).getValue()).as("a wildcard: one bucket per address").isEmpty();
    assertThat(limit.getDescriptors(0).getTokenBucket().getTokensPerFill().getValue()).isEqualTo(50);
    assertThat(limit.getDescriptors(0).getTokenBucket().getMaxTokens()).as("rate plus burst").isEqualTo(150);
    assertThat(limit.getRateLimits(0).getActions(0).hasRemoteAddress()).isTrue();
    assertThat(limit.getFilterEnforced().getDefaultValue().getNumerator()).isEqualTo(100);
    assertThat(filter(manager, "envoy.filters.http.buffer")
        .unpack(io.envoyproxy.envoy.extensions.filters.http.buffer.v3.Buffer.class).getMaxRequestBytes().getValue())
        .isEqualTo(512 * 1024);
  }

  @Test
  void healthAndWebSocketUpgradesSkipTheBodyFiltersAndUpgradesGoToTheWebSocketPool() throws Exception {
    EthereumNode live = Nodes.mainnet(ExecutionClient.ERIGON, ConsensusClient.LIGHTHOUSE).name("live")
        .execution(ExecutionSpec.builder().client(ExecutionClient.ERIGON).webSocket(true).build()).build();
    Bootstrap bootstrap = EnvoyApi.read(RpcLoadBalancer.builder().from(envoy())
        .addWebSocketUpstreams(live.webSocketUrl().orElseThrow()).build().envoyConf());
    List<Route> routes = routes(bootstrap);

    assertThat(routes.get(0).getMatch().getPath()).isEqualTo("/healthz");
    assertThat(routes.get(0).getDirectResponse().getStatus()).isEqualTo(200);
    assertThat(routes.get(1).getRoute().getCluster()).isEqualTo("rpc_ws");
    assertThat(routes.get(1).getRoute().getUpgradeConfigs(0).getUpgradeType()).isEqualTo("websocket");
    for (Route route : List.of(routes.get(0), routes.get(1), routes.get(3))) {
      assertThat(route.getTypedPerFilterConfigMap()).as(route.getMatch().toString())
          .containsOnlyKeys("envoy.filters.http.buffer", "envoy.filters.http.json_to_metadata", "envoy.filters.http.rbac");
    }
    assertThat(routes.get(2).getTypedPerFilterConfigMap()).as("POSTs keep every filter").isEmpty();
    assertThat(bootstrap.getStaticResources().getClusters(1).getLoadAssignment().getEndpoints(0).getLbEndpoints(0)
        .getEndpoint().getAddress().getSocketAddress().getAddress()).isEqualTo("live-erigon");
    assertThat(routes(EnvoyApi.read(envoy().envoyConf())).get(1).getDirectResponse().getStatus())
        .as("no WebSocket nodes: upgrades refused").isEqualTo(403);
  }

  @Test
  void whatEnvoyCannotDoIsRefusedByNameAllAtOnce() {
    ValidationException e = Validation.refused(() -> RpcLoadBalancer.builder().from(envoy())
        .addArchiveUpstreams(URI.create("http://archive-geth:8545")).addConsumers(ApiConsumer.of("wallet", Optional.empty()))
        .connectionsPerClient(5).build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("loadBalancer.archiveUpstreams",
        "loadBalancer.consumers", "loadBalancer.connectionsPerClient");
    assertThat(e.getMessage()).contains("use BalancerProxy.NGINX");
    assertThat(Validation.refused(() -> RpcLoadBalancer.builder().from(envoy()).maxBodySize("3000m").build()).violations())
        .extracting(Violation::path).containsExactly("loadBalancer.maxBodySize");
    assertThat(Validation.refused(() -> RpcLoadBalancer.builder().from(envoy()).maxBodySize("123456789012345678901").build())
        .violations()).extracting(Violation::path).containsExactly("loadBalancer.maxBodySize");
  }

  @Test
  void theReadmeBalancerIsOneEnvoyReads() throws Exception {
    List<EthereumNode> nodes = RpcLoadBalancerTest.pool(RpcLoadBalancerTest.balancer());
    EthereumNode a = nodes.get(0);
    EthereumNode b = nodes.get(1);
    // README: envoy-balancer
    RpcLoadBalancer internal = RpcLoadBalancer.builder().name("rpc-internal").proxy(BalancerProxy.ENVOY)
        .addUpstreams(a.rpcUrl(), b.rpcUrl())
        .build();
    String envoyYaml = internal.envoyConf();   // the bootstrap its pods run with envoy -c
    // README: end
    assertThat(EnvoyApi.problems(EnvoyApi.read(envoyYaml))).isEmpty();
    assertThat(internal.workload().containers().get(0).args()).containsExactly("-c", "/etc/chainwright-envoy/envoy.yaml");
  }

  @Test
  void theWorkloadRunsEnvoyOnItsGeneratedFileInBothBackends() {
    RpcLoadBalancer lb = envoy();
    Network.Builder builder = Network.builder().name("rpc-pool");
    RpcLoadBalancerTest.pool(lb).forEach(node -> node.addTo(builder));
    Network network = lb.addTo(builder).build();
    var workload = network.workload("rpc-lb").orElseThrow();

    assertThat(workload.containers().get(0).image().reference()).startsWith("envoyproxy/envoy:v1.35");
    assertThat(((ConfigVolume) workload.volume("config").orElseThrow()).files()).containsOnlyKeys("envoy.yaml");
    Deployment deployment = Rendered.both(network).object(Deployment.class, "rpc-lb");
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand()).containsExactly("envoy");
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .containsExactly("-c", "/etc/chainwright-envoy/envoy.yaml");
  }

  private static com.google.protobuf.Any filter(HttpConnectionManager manager, String name) {
    return manager.getHttpFiltersList().stream().filter(f -> f.getName().equals(name)).findFirst()
        .map(HttpFilter::getTypedConfig).orElseThrow();
  }
}
