package io.chainwright.ethereum.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.UsageException;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.material.Materials;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.Nodes;
import io.chainwright.ethereum.Rendered;
import io.chainwright.ethereum.Validation;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.common.RpcAccess;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
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
        "location = /healthz", "proxy_set_header Host rpc-lb;", "client_max_body_size 1m;", "listen 8080;");
  }

  @Test
  void withoutArchiveOrWebSocketNodesTracingAndUpgradesAreRefusedAndOnlyTheNodePoolIsDeclared() {
    String conf = balancer().nginxConf();
    assertThat(conf).contains("\"~*^GET websocket \" rpc_refused;",
        "\"~\\\"method\\\"[[:space:]]*:[[:space:]]*\\\"(admin|engine|miner|personal)_\" rpc_refused;",
        "\"~\\\"method\\\"[[:space:]]*:[[:space:]]*\\\"(debug|trace)_\" rpc_refused;",
        "\"~^POST \" rpc_nodes;", "default rpc_refused;", "upstream rpc_nodes {",
        "upstream rpc_refused {\n    server 127.0.0.1:8080;\n  }", "proxy_pass http://$rpc_pool$rpc_uri;")
        .doesNotContain("upstream rpc_archive", "upstream rpc_ws");
  }

  @Test
  void archiveAndWebSocketPoolsComeFromNodeReferences() {
    EthereumNode archive = Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).name("archive")
        .execution(ExecutionSpec.builder().client(ExecutionClient.GETH).webSocket(true).build()).build();
    EthereumNode erigon = Nodes.mainnet(ExecutionClient.ERIGON, ConsensusClient.LIGHTHOUSE).name("live")
        .execution(ExecutionSpec.builder().client(ExecutionClient.ERIGON).webSocket(true).build()).build();
    String conf = RpcLoadBalancer.builder().from(balancer()).addArchiveUpstreams(archive.rpcUrl())
        .addWebSocketUpstreams(archive.webSocketUrl().orElseThrow(), erigon.webSocketUrl().orElseThrow()).build().nginxConf();

    assertThat(conf).contains("\"~*^GET websocket \" rpc_ws;", "(debug|trace)_\" rpc_archive;",
        "upstream rpc_archive {\n    least_conn;\n    server archive-geth:8545",
        // geth serves WebSocket on its own port, Erigon on the RPC port.
        "upstream rpc_ws {\n    least_conn;\n    server archive-geth:8546 max_fails=3 fail_timeout=10s;\n    server live-erigon:8545");
    assertThat(Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE).build().webSocketUrl())
        .as("no WebSocket unless the spec enables it").isEmpty();
  }

  @Test
  void consumersKeysAreMadeOnceAndKeptInASecretTheBalancerMounts() {
    RpcLoadBalancer lb = RpcLoadBalancer.builder().from(balancer())
        .addConsumers(ApiConsumer.of("wallet", 200), ApiConsumer.of("indexer", Optional.empty())).build();
    Materials materials = MaterialStore.inMemory().forNetwork("rpc-pool");
    Network.Builder builder = Network.builder().name("rpc-pool");
    pool(lb).forEach(node -> node.addTo(builder));
    Network network = lb.addTo(builder, materials).build();

    Secret keys = network.secret("rpc-lb-api-keys").orElseThrow();
    String wallet = new String(lb.apiKey("wallet", materials).resolve(), StandardCharsets.US_ASCII);
    assertThat(wallet).matches("[0-9a-f]{64}").isEqualTo(new String(lb.apiKey("wallet", materials).resolve(), StandardCharsets.US_ASCII));
    assertThat(keys.data()).containsOnlyKeys("wallet.key", "indexer.key", "keys.map");
    assertThat(new String(keys.data().get("keys.map").resolve(), StandardCharsets.US_ASCII))
        .contains("\"" + wallet + "\" wallet;");
    assertThat(network.workload("rpc-lb").orElseThrow().containers().get(0).mounts())
        .anySatisfy(m -> assertThat(m.path()).isEqualTo("/etc/chainwright-nginx-keys"));
    // The indexer takes the balancer's own rate (50), the wallet its own.
    assertThat(lb.nginxConf()).contains("limit_req_zone $rpc_consumer_50 zone=consumer_50:10m rate=50r/s;",
        "limit_req_zone $rpc_consumer_200 zone=consumer_200:10m rate=200r/s;", "include /etc/chainwright-nginx-keys/keys.map;")
        .doesNotContain(wallet);
    assertThatThrownBy(() -> lb.apiKey("nobody", materials)).isInstanceOf(UsageException.class)
        .hasMessageContaining("'nobody' is not a consumer of load balancer rpc-lb");
  }

  @Test
  void aRevokedKeyStaysRevokedWhenAConsumerOfThatNameIsAddedAgain() {
    RpcLoadBalancer both = RpcLoadBalancer.builder().from(balancer())
        .addConsumers(ApiConsumer.of("wallet", 200), ApiConsumer.of("legacy", 200)).build();
    RpcLoadBalancer walletOnly = RpcLoadBalancer.builder().from(both).consumers(List.of(ApiConsumer.of("wallet", 200))).build();
    Materials materials = MaterialStore.inMemory().forNetwork("rpc-pool");
    String legacy = new String(both.apiKey("legacy", materials).resolve(), StandardCharsets.US_ASCII);
    String wallet = new String(both.apiKey("wallet", materials).resolve(), StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> both.revoke("legacy", materials)).isInstanceOf(UsageException.class)
        .hasMessageContaining("'legacy' is still a consumer of load balancer rpc-lb");
    boolean revoked = walletOnly.revoke("legacy", materials);
    Secret keys = walletOnly.addTo(Network.builder().name("rpc-pool"), materials).build().secret("rpc-lb-api-keys").orElseThrow();

    assertThat(revoked).isTrue();
    assertThat(keys.data()).containsOnlyKeys("wallet.key", "keys.map");
    assertThat(new String(keys.data().get("keys.map").resolve(), StandardCharsets.US_ASCII)).doesNotContain(legacy).contains(wallet);
    assertThat(new String(both.apiKey("legacy", materials).resolve(), StandardCharsets.US_ASCII)).as("added again: a new key")
        .isNotEqualTo(legacy);
    assertThat(new String(both.apiKey("wallet", materials).resolve(), StandardCharsets.US_ASCII)).as("the others' keys stay").isEqualTo(wallet);
    assertThat(walletOnly.revoke("nobody", materials)).as("nothing stored for that name").isFalse();
  }

  @Test
  void namespacesMustBeNamesAndInOneListOnly() {
    ValidationException e = Validation.refused(() -> RpcLoadBalancer.builder().from(balancer())
        .refusedNamespaces(List.of("admin", "debug", "eth.*")).build());
    assertThat(e.violations()).extracting(Violation::toString).containsExactlyInAnyOrder(
        "loadBalancer.refusedNamespaces: 'eth.*' is not a method namespace such as debug (lower-case letters and digits)",
        "loadBalancer.archiveNamespaces: 'debug' is refused as well; name it in one list only");
  }

  @Test
  void aPoolOfThreeNodesBehindTheBalancerRendersInBothBackends() {
    RpcLoadBalancer lb = RpcLoadBalancer.builder().from(balancer())
        .exposure(Exposure.gateway("edge", "rpc.example.org")).build();
    Network.Builder builder = Network.builder().name("rpc-pool");
    pool(lb).forEach(node -> node.addTo(builder));
    Network network = lb.addTo(builder).build();

    assertThat(network.workload("rpc-a-geth").orElseThrow().containers().get(0).args())
        .contains("--http.vhosts=rpc-a-geth,localhost,127.0.0.1,rpc-lb");
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

  @Test
  void anAllowListTakesNamespacesOnceEachAndLeavesOtherConsumersUnlisted() {
    ValidationException e = Validation.refused(() -> ApiConsumer.builder().name("dashboard")
        .addAllowedNamespaces("eth", "eth_call", "eth").build());
    assertThat(e.violations()).extracting(Violation::path)
        .containsExactly("consumers[dashboard].allowedNamespaces", "consumers[dashboard].allowedNamespaces[eth]");

    String conf = RpcLoadBalancer.builder().from(balancer()).addConsumers(ApiConsumer.of("wallet", 10),
        ApiConsumer.builder().name("dashboard").addAllowedNamespaces("eth", "net").build()).build().nginxConf();
    assertThat(conf).contains("map \"$rpc_consumer $request_body\" $rpc_consumer_refused {",
        "\"~(?s)^dashboard .*\\\"method\\\"[[:space:]]*:[[:space:]]*\\\"(?!(eth|net)_)\" 1;",
        "map $rpc_consumer_refused $rpc_pool {", "default $rpc_route;").doesNotContain("^wallet ");
  }
}
