package io.chainwright.ethereum.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.material.Materials;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The generated nginx.conf, run by a real nginx through the host runtime in front of real anvil
 * nodes: routing by method and upgrade, refusals, rate limits and failover when a node stops.
 */
class NginxLoadBalancerOnHostTest {
  private static final Duration READY = Duration.ofSeconds(30);
  private final HttpClient http = HttpClient.newHttpClient();
  private final HostRuntime runtime = HostRuntime.builder()
      .binary("anvil", TestTools.anvil())
      .binary("nginx", TestTools.systemProgram("nginx", "nginx-light"))
      .build();
  private final List<HostDeployment> deployments = new ArrayList<>();
  private final Materials materials = MaterialStore.inMemory().forNetwork("rpc-lb");

  private static String call(String method) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}";
  }

  private HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(URI uri, String body, String apiKey) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("X-Api-Key", apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HostDeployment deploy(Network network) {
    HostDeployment d = runtime.deploy(network, ProgressListener.none());
    deployments.add(d);
    d.awaitReady(READY, ProgressListener.none());
    return d;
  }

  /** An anvil node of its own, reached at a plain http://127.0.0.1:port address. */
  private URI anvil(String name, long chainId) {
    HostDeployment d = deploy(AnvilDevnet.builder().name(name).chainId(chainId).build().toNetwork());
    URI rpc = d.endpoint(name, "rpc");
    return URI.create("http://" + rpc.getHost() + ":" + rpc.getPort());
  }

  /** The balancer as one nginx process on the host runtime, in front of the given nodes. */
  private URI balancer(List<URI> nodes, UnaryOperator<RpcLoadBalancer.Builder> options) {
    RpcLoadBalancer lb = options.apply(RpcLoadBalancer.builder().replicas(1).addAllUpstreams(nodes)).build();
    HostDeployment d = deploy(lb.addTo(Network.builder().name(lb.name()), materials).build());
    return d.endpoint(lb.name(), "http");
  }

  private void closeAll() {
    List<Long> pids = new ArrayList<>();
    deployments.forEach(d -> pids.addAll(d.pids()));
    deployments.forEach(HostDeployment::close);
    assertThat(pids).as("no process left behind").allSatisfy(pid ->
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
  }

  @Test
  void routesByMethodAndUpgradeAndRefusesAdministrationAtTheEdge() throws Exception {
    try {
      URI node = anvil("node", 31337);
      // "net" stands in for an archive namespace: net_version tells the archive node (chain 1337) apart.
      URI archive = anvil("archive", 1337);
      URI base = balancer(List.of(node), b -> b.addArchiveUpstreams(archive).archiveNamespaces(List.of("net", "debug"))
          .addWebSocketUpstreams(node));

      assertThat(post(base, call("eth_chainId")).body()).contains("\"result\":\"0x7a69\"");
      assertThat(post(base, call("net_version")).body()).as("archive namespace").contains("\"result\":\"1337\"");

      HttpResponse<String> admin = post(base, call("admin_nodeInfo"));
      assertThat(admin.statusCode()).isEqualTo(403);
      assertThat(admin.body()).contains("\"code\":-32601");
      assertThat(post(base, "[" + call("eth_chainId") + "," + call("personal_listAccounts") + "]").statusCode())
          .as("a batch hiding a refused method").isEqualTo(403);
      assertThat(post(base, call("eth_blockNumber").replace("\"method\":", "\"method\" : ")).statusCode())
          .as("spacing does not matter to routing").isEqualTo(200);
      assertThat(http.send(HttpRequest.newBuilder(base).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .as("a GET that is no upgrade is not JSON-RPC").isEqualTo(403);

      CompletableFuture<String> answer = new CompletableFuture<>();
      WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/"),
          new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
              answer.complete(data.toString());
              return null;
            }
          }).get(10, TimeUnit.SECONDS);
      socket.sendText(call("eth_chainId"), true);
      assertThat(answer.get(10, TimeUnit.SECONDS)).as("JSON-RPC over the upgraded socket").contains("\"result\":\"0x7a69\"");
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    } finally {
      closeAll();
    }
  }

  @Test
  void withoutArchiveOrWebSocketNodesTracingAndUpgradesAreRefused() throws Exception {
    try {
      URI base = balancer(List.of(anvil("node", 31337)), b -> b);

      assertThat(post(base, call("debug_traceTransaction")).statusCode()).isEqualTo(403);
      assertThat(post(base, call("eth_chainId")).statusCode()).isEqualTo(200);
      CompletableFuture<WebSocket> upgrade = http.newWebSocketBuilder()
          .buildAsync(URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/"), new WebSocket.Listener() {});
      assertThat(upgrade).failsWithin(Duration.ofSeconds(10));
    } finally {
      closeAll();
    }
  }

  @Test
  void requestsKeepSucceedingWhenOneOfTwoNodesStops() throws Exception {
    try {
      URI a = anvil("node-a", 31337);
      URI b = anvil("node-b", 31337);
      URI base = balancer(List.of(a, b), o -> o.rateLimitPerSecond(100_000).burst(100_000).maxFails(1).failTimeoutSeconds(30));
      HostDeployment nodeA = deployments.get(0);

      // One client, one request at a time, and node A stopped between two of them: no request is in
      // flight when it stops, so every one must be answered, the first ones after by node B alone.
      int before = 100;
      int after = 200;
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < before + after; i++) {
        if (i == before) {
          nodeA.close();
        }
        statuses.add(post(base, call("eth_chainId")).statusCode());
      }
      long failures = statuses.stream().filter(s -> s != 200).count();
      System.out.printf("failover: %d of %d requests failed while one of two nodes stopped%n", failures, statuses.size());

      assertThat(failures).as("requests that failed while node A stopped").isZero();
    } finally {
      closeAll();
    }
  }

  @Test
  void underConcurrentLoadOnlyRequestsInFlightWhenANodeStopsMayFail() throws Exception {
    try {
      URI a = anvil("node-a", 31337);
      URI b = anvil("node-b", 31337);
      URI base = balancer(List.of(a, b), o -> o.rateLimitPerSecond(100_000).burst(100_000).maxFails(1).failTimeoutSeconds(30));
      HostDeployment nodeA = deployments.get(0);
      int clients = 4;
      AtomicLong stoppedAt = new AtomicLong(Long.MAX_VALUE);
      AtomicBoolean running = new AtomicBoolean(true);
      // Each outcome: when the request started, and its status (0 for no answer at all).
      List<long[]> outcomes = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      for (int i = 0; i < clients; i++) {
        pool.submit(() -> {
          while (running.get()) {
            long started = System.nanoTime();
            int status;
            try {
              status = post(base, call("eth_chainId")).statusCode();
            } catch (IOException e) {
              status = 0;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            outcomes.add(new long[] {started, status});
          }
        });
      }
      Thread.sleep(1000);
      nodeA.close();
      stoppedAt.set(System.nanoTime());
      Thread.sleep(1000);
      running.set(false);
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

      List<long[]> failed = outcomes.stream().filter(o -> o[1] != 200).toList();
      System.out.printf("failover under load: %d of %d requests from %d clients failed while one of two nodes stopped%n",
          failed.size(), outcomes.size(), clients);
      assertThat(failed.size()).as("at most one request in flight per client when node A stopped").isLessThanOrEqualTo(clients);
      assertThat(failed).as("requests started after the stop").noneMatch(o -> o[0] > stoppedAt.get());
    } finally {
      closeAll();
    }
  }

  @Test
  void withConsumersOnlyAKnownApiKeyGetsThroughEachAtItsOwnRate() throws Exception {
    try {
      UnaryOperator<RpcLoadBalancer.Builder> keys = b -> b.rateLimitPerSecond(100_000).burst(5)
          .addConsumers(ApiConsumer.of("wallet", 10_000), ApiConsumer.of("indexer", 1));
      URI base = balancer(List.of(anvil("node", 31337)), keys);
      RpcLoadBalancer lb = keys.apply(RpcLoadBalancer.builder().addUpstreams(URI.create("http://node:8545"))).build();
      String wallet = new String(lb.apiKey("wallet", materials).resolve(), StandardCharsets.US_ASCII);
      String indexer = new String(lb.apiKey("indexer", materials).resolve(), StandardCharsets.US_ASCII);

      HttpResponse<String> anonymous = post(base, call("eth_chainId"));
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.body()).contains("\"code\":-32001", "X-Api-Key");
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("ApiKey header=\"X-Api-Key\"");
      assertThat(post(base, call("eth_chainId"), "0".repeat(64)).statusCode()).as("an unknown key").isEqualTo(401);
      assertThat(post(base, call("eth_chainId"), wallet).body()).contains("\"result\":\"0x7a69\"");

      // The indexer's one request a second with a burst of five cannot take twenty at once; the wallet's rate is its own.
      List<Integer> indexed = new ArrayList<>();
      List<Integer> walleted = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        indexed.add(post(base, call("eth_chainId"), indexer).statusCode());
        walleted.add(post(base, call("eth_chainId"), wallet).statusCode());
      }
      assertThat(indexed).contains(200, 429);
      assertThat(walleted).containsOnly(200);
      assertThat(lb.nginxConf()).as("keys live in the Secret only").doesNotContain(wallet, indexer);
    } finally {
      closeAll();
    }
  }

  @Test
  void aConsumerWithAnAllowListCallsOnlyItsNamespacesEvenInsideABatch() throws Exception {
    try {
      UnaryOperator<RpcLoadBalancer.Builder> keys = b -> b.rateLimitPerSecond(100_000)
          .addConsumers(ApiConsumer.builder().name("dashboard").addAllowedNamespaces("eth", "web3").build(), ApiConsumer.of("ops", 1000));
      URI base = balancer(List.of(anvil("node", 31337)), keys);
      RpcLoadBalancer lb = keys.apply(RpcLoadBalancer.builder().addUpstreams(URI.create("http://node:8545"))).build();
      String dashboard = new String(lb.apiKey("dashboard", materials).resolve(), StandardCharsets.US_ASCII);
      String ops = new String(lb.apiKey("ops", materials).resolve(), StandardCharsets.US_ASCII);

      assertThat(post(base, call("eth_chainId"), dashboard).body()).contains("\"result\":\"0x7a69\"");
      assertThat(post(base, call("web3_clientVersion"), dashboard).statusCode()).isEqualTo(200);
      HttpResponse<String> outside = post(base, call("net_version"), dashboard);
      assertThat(outside.statusCode()).isEqualTo(403);
      assertThat(outside.body()).contains("\"code\":-32601");
      assertThat(post(base, "[" + call("eth_chainId") + ",\n " + call("net_version").replace("\"method\":", "\"method\" : ") + "]",
          dashboard).statusCode()).as("a batch over two lines hiding one method outside the list").isEqualTo(403);
      assertThat(post(base, call("net_version"), ops).body()).as("a consumer without a list").contains("\"result\":\"31337\"");
      assertThat(post(base, call("admin_nodeInfo"), ops).statusCode()).as("the balancer's refusals hold for every consumer")
          .isEqualTo(403);
    } finally {
      closeAll();
    }
  }

  @Test
  void aRotatedKeyReplacesTheOldOneAndARemovedConsumerIsLockedOut() throws Exception {
    try {
      URI node = anvil("node", 31337);
      RpcLoadBalancer both = RpcLoadBalancer.builder().replicas(1).addUpstreams(node)
          .addConsumers(ApiConsumer.of("wallet", 1000), ApiConsumer.of("legacy", 1000)).build();
      String oldWallet = new String(both.apiKey("wallet", materials).resolve(), StandardCharsets.US_ASCII);
      String legacy = new String(both.apiKey("legacy", materials).resolve(), StandardCharsets.US_ASCII);
      materials.store().rotate(both.apiKeyMaterial("wallet", materials));
      RpcLoadBalancer walletOnly = RpcLoadBalancer.builder().from(both).consumers(List.of(ApiConsumer.of("wallet", 1000))).build();
      HostDeployment d = deploy(walletOnly.addTo(Network.builder().name(walletOnly.name()), materials).build());
      URI base = d.endpoint(walletOnly.name(), "http");
      String newWallet = new String(walletOnly.apiKey("wallet", materials).resolve(), StandardCharsets.US_ASCII);

      assertThat(newWallet).isNotEqualTo(oldWallet);
      assertThat(post(base, call("eth_chainId"), newWallet).statusCode()).isEqualTo(200);
      assertThat(post(base, call("eth_chainId"), oldWallet).statusCode()).as("the rotated-out key").isEqualTo(401);
      assertThat(post(base, call("eth_chainId"), legacy).statusCode()).as("the removed consumer").isEqualTo(401);
    } finally {
      closeAll();
    }
  }

  @Test
  void aLargeAnswerPassesWhole() throws Exception {
    try {
      URI node = anvil("node", 31337);
      URI base = balancer(List.of(node), b -> b);
      // eth_call on code that returns one MiB of zeros (PUSH3 0x100000, PUSH1 0, RETURN): two MiB of hex
      // in the answer, far more than nginx's buffers hold.
      String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"to\":\"0x00000000000000000000000000000000000000aa\"},"
          + "\"latest\",{\"0x00000000000000000000000000000000000000aa\":{\"code\":\"0x621000006000f3\"}}]}";

      HttpResponse<String> direct = post(node, call);
      HttpResponse<String> balanced = post(base, call);

      assertThat(direct.body()).hasSizeGreaterThan(2 * 1024 * 1024);
      assertThat(balanced.statusCode()).isEqualTo(200);
      assertThat(balanced.body()).isEqualTo(direct.body());
    } finally {
      closeAll();
    }
  }

  @Test
  void aClientOverItsRateIsAnsweredWith429WhileHealthStaysOpen() throws Exception {
    try {
      URI base = balancer(List.of(anvil("node", 31337)), b -> b.rateLimitPerSecond(1).burst(5));

      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        statuses.add(post(base, call("eth_chainId")).statusCode());
      }
      assertThat(statuses).contains(200, 429);
      assertThat(http.send(HttpRequest.newBuilder(base.resolve("/healthz")).GET().build(), HttpResponse.BodyHandlers.ofString())
          .statusCode()).as("health is not rate-limited").isEqualTo(200);
    } finally {
      closeAll();
    }
  }
}
