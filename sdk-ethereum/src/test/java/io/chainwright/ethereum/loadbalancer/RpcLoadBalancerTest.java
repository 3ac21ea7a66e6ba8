package io.chainwright.ethereum.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.ConfigVolume;
import io.chainwright.api.Exposure;
import io.chainwright.api.Network;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.ethereum.ConsensusClient;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.ExecutionClient;
import io.chainwright.ethereum.ExecutionSpec;
import io.chainwright.ethereum.Nodes;
import io.chainwright.ethereum.Rendered;
import io.chainwright.ethereum.RpcAccess;
import io.chainwright.ethereum.Validation;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An nginx workload balances JSON-RPC across nodes by least connections, rate-limits clients and answers its own health. */
class RpcLoadBalancerTest {
  static List<EthereumNode> pool(RpcLoadBalancer lb) {
    RpcAccess access = RpcAccess.builder().addVirtualHost(lb.virtualHost()).build();
    return List.of("rpc-a", "rpc-b", "rpc-c").stream().map(name -> Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE)
        .name(name).execution(ExecutionSpec.builder().client(ExecutionClient.GETH).access(access).build()).build()).toList();
  }

  static RpcLoadBalancer balancer() {
    return RpcLoadBalancer.builder().addUpstreams(URI.create("http://rpc-a-geth:8545"), URI.create("http://rpc-b-geth:8545"),
        URI.create("http://rpc-c-geth:8545")).build();
  }

  @Test
  void theConfigurationBalancesByLeastConnectionsAndLimitsEachClient() {
    String conf = balancer().nginxConf();
    assertThat(conf).contains("least_conn;", "server rpc-a-geth:8545 max_fails=3 fail_timeout=10s;",
        "server rpc-c-geth:8545", "limit_req_zone $binary_remote_addr zone=rpc_rate:10m rate=50r/s;",
        "limit_req zone=rpc_rate burst=100 nodelay;", "limit_conn rpc_conn 20;", "limit_req_status 429;",
        "location = /healthz", "limit_except POST", "proxy_set_header Host rpc-lb;", "client_max_body_size 1m;",
        "listen 8080;");
  }

  @Test
  void aPoolOfThreeNodesBehindTheBalancerRendersInBothBackends() {
    RpcLoadBalancer lb = RpcLoadBalancer.builder().from(balancer())
        .exposure(Exposure.gateway("edge", "rpc.example.org")).build();
    Network.Builder builder = Network.builder().name("rpc-pool");
    pool(lb).forEach(node -> node.addTo(builder));
    Network network = lb.addTo(builder).build();

    assertThat(network.workload("rpc-a-geth").orElseThrow().containers().get(0).args())
        .contains("--http.vhosts=rpc-a-geth,localhost,rpc-lb");
    Rendered rendered = Rendered.both(network);
    Deployment deployment = rendered.object(Deployment.class, "rpc-lb");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand())
        .containsExactly("nginx");
    assertThat(rendered.kubernetes()).filteredOn(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
        .anySatisfy(cm -> assertThat(cm.getData()).containsKey("nginx.conf"));
    assertThat(rendered.kubernetesYaml()).contains("kind: HTTPRoute", "rpc.example.org");
  }

  @Test
  void theConfigurationHoldsNoSecretOfTheNetwork() {
    RpcLoadBalancer lb = balancer();
    Network.Builder builder = Network.builder().name("rpc-pool");
    pool(lb).forEach(node -> node.addTo(builder));
    Network network = lb.addTo(builder).build();
    String conf = ((ConfigVolume) network.workload("rpc-lb").orElseThrow().volume("config").orElseThrow())
        .files().get("nginx.conf");
    network.secrets().forEach(secret -> secret.data().values().forEach(value ->
        assertThat(conf).doesNotContain(new String(value.resolve(), java.nio.charset.StandardCharsets.US_ASCII))));
  }

  @Test
  void itRunsNonRootWithAWritableTmpOnly() {
    Workload lb = balancer().workload();
    var container = lb.containers().get(0);
    assertThat(container.security().runAsNonRoot()).isTrue();
    assertThat(container.security().readOnlyRootFilesystem()).isTrue();
    assertThat(container.mounts()).filteredOn(m -> !m.readOnly()).extracting(m -> m.path()).containsExactly("/tmp");
    assertThat(balancer().nginxConf()).contains("pid /tmp/nginx.pid;", "proxy_temp_path /tmp/proxy;");
  }

  @Test
  void badUpstreamsAndLimitsAreReportedTogether() {
    ValidationException e = Validation.refused(() -> RpcLoadBalancer.builder()
        .addUpstreams(URI.create("https://a:8545"), URI.create("http://b:8545/rpc"))
        .rateLimitPerSecond(0).maxBodySize("lots").build());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("loadBalancer.upstreams",
        "loadBalancer.upstreams", "loadBalancer.rateLimitPerSecond", "loadBalancer.maxBodySize");
    assertThat(Validation.refused(() -> RpcLoadBalancer.builder().build()).getMessage()).contains("at least one node");
  }
}
