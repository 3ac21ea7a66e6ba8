package io.chainwright.ethereum.probes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Backoff;
import io.chainwright.api.await.Observation;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.PrometheusFiles;
import io.chainwright.compose.TestTools;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generated configuration run by a real blackbox exporter (Debian's 0.23.0) through the host
 * runtime, probing a real anvil node and a stand-in beacon API whose health answer the test sets.
 */
class NodeProbesOnHostTest {
  private static final Duration READY = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final HostRuntime runtime = HostRuntime.builder()
      .binary("anvil", TestTools.anvil())
      .binary("blackbox_exporter", TestTools.systemProgram("prometheus-blackbox-exporter", "prometheus-blackbox-exporter"))
      .binary("prometheus", TestTools.systemProgram("prometheus", "prometheus"))
      .build();
  private final List<HostDeployment> deployments = new ArrayList<>();
  private HttpServer beacon;

  private HostDeployment deploy(Network network) {
    HostDeployment d = runtime.deploy(network, ProgressListener.none());
    deployments.add(d);
    d.awaitReady(READY, ProgressListener.none());
    return d;
  }

  /** What the exporter reports for one probe: the value of {@code probe_success}. */
  private String probe(URI exporter, ProbeModule module, String target) throws IOException, InterruptedException {
    URI uri = exporter.resolve("/probe?module=" + module.moduleName() + "&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
    String metrics = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    return metrics.lines().filter(l -> l.startsWith("probe_success ")).findFirst().orElseThrow().substring("probe_success ".length());
  }

  @AfterEach
  void closeAll() {
    List<Long> pids = new ArrayList<>();
    deployments.forEach(d -> pids.addAll(d.pids()));
    deployments.forEach(HostDeployment::close);
    if (beacon != null) {
      beacon.stop(0);
    }
    assertThat(pids).as("no process left behind").allSatisfy(pid ->
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
  }

  @Test
  void probesPassOnlyWhileANodeGivesTheAnswersOfAHealthyOne() throws Exception {
    HostDeployment node = deploy(AnvilDevnet.builder().name("node").build().toNetwork());
    URI rpc = node.endpoint("node", "rpc");
    String anvil = "http://" + rpc.getHost() + ":" + rpc.getPort();
    AtomicInteger health = new AtomicInteger(200);
    AtomicInteger connected = new AtomicInteger(0);
    beacon = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    beacon.createContext("/eth/v1/node/health", exchange -> {
      exchange.sendResponseHeaders(health.get(), -1);
      exchange.close();
    });
    // The Beacon API's answer as the standard gives it: counts as decimal strings.
    beacon.createContext("/eth/v1/node/peer_count", exchange -> {
      byte[] body = ("{\"data\":{\"disconnected\":\"12\",\"connecting\":\"0\",\"connected\":\"" + connected.get()
          + "\",\"disconnecting\":\"0\"}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    beacon.start();
    URI beaconApi = URI.create("http://127.0.0.1:" + beacon.getAddress().getPort());
    String beaconHealth = beaconApi.resolve("/eth/v1/node/health").toString();
    String beaconPeers = beaconApi.resolve("/eth/v1/node/peer_count").toString();

    NodeProbes probes = NodeProbes.builder().addNodes(NodeProbesTest.GETH).build();
    URI exporter = deploy(probes.addTo(Network.builder().name("probes")).build()).endpoint(probes.name(), "http");

    assertThat(probe(exporter, ProbeModule.EL_SYNCED, anvil)).as("anvil answers eth_syncing with false").isEqualTo("1");
    assertThat(probe(exporter, ProbeModule.EL_PEERS, anvil)).as("anvil has no net_peerCount: no peer count, no pass")
        .isEqualTo("0");
    assertThat(probe(exporter, ProbeModule.CL_HEALTH, beaconHealth)).isEqualTo("1");
    health.set(206);
    assertThat(probe(exporter, ProbeModule.CL_HEALTH, beaconHealth)).as("206: still syncing").isEqualTo("0");
    assertThat(probe(exporter, ProbeModule.CL_PEERS, beaconPeers)).as("none connected, twelve not").isEqualTo("0");
    connected.set(10);
    assertThat(probe(exporter, ProbeModule.CL_PEERS, beaconPeers)).isEqualTo("1");

    node.close();
    assertThat(probe(exporter, ProbeModule.EL_SYNCED, anvil)).as("the node is gone").isEqualTo("0");
  }

  /**
   * A real Prometheus (Debian's 2.42) on the files the Compose project writes for one: it scrapes
   * the exporter once per probe, each series labelled with its target, and loads the probes' alerts.
   */
  @Test
  void prometheusOnTheProjectsFilesScrapesEachProbeUnderItsTarget() throws Exception {
    NodeProbes probes = NodeProbes.builder().addNodes(NodeProbesTest.GETH).intervalSeconds(5).timeoutSeconds(2).slowSeconds(1).build();
    // anvil stands in for the node's execution client, under the name and port the probes call.
    Network watched = probes.addTo(AnvilDevnet.builder().name(NodeProbesTest.GETH.executionWorkload()).build()
            .addTo(Network.builder().name("watched")))
        .monitoring(MonitoringPolicy.builder().alerts(probes.alertRules()).build()).build();
    Map<String, String> files = ComposeRenderer.render(watched).files();
    Workload prometheus = Workload.builder().name("prometheus")
        .addContainer(Container.builder().name("prometheus").image(Image.of("prom/prometheus:v2.42.0"))
            .addCommand("prometheus").addArgs("--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus",
                "--web.listen-address=:9090")
            .addPort(Port.tcp("http", 9090))
            .addMount(VolumeMount.readOnly("config", "/etc/prometheus")).addMount(VolumeMount.of("data", "/prometheus"))
            .readiness(io.chainwright.api.probe.Probe.http("http", "/-/ready")).build())
        .addVolume(ConfigVolume.builder().name("config").putFile("prometheus.yml", files.get(PrometheusFiles.CONFIG))
            .putFile("rules.yml", files.get(PrometheusFiles.RULES)).build())
        .addVolume(ScratchVolume.of("data"))
        .build();
    URI server = deploy(Network.builder().from(watched).addWorkload(prometheus).build()).endpoint("prometheus", "http");

    URI query = server.resolve("/api/v1/query?query=" + URLEncoder.encode("probe_success", StandardCharsets.UTF_8));
    Map<String, String> byTarget = Await.of("every probe scraped").timeout(Duration.ofSeconds(60)).listener(ProgressListener.none())
        .backoff(Backoff.fixed(Duration.ofMillis(500))).untilRethrowing(() -> {
          JsonNode result = JSON.readTree(http.send(HttpRequest.newBuilder(query).build(), HttpResponse.BodyHandlers.ofString())
              .body()).at("/data/result");
          Map<String, String> seen = new TreeMap<>();
          result.forEach(series -> seen.put(series.at("/metric/target").asText(), series.at("/value/1").asText()));
          return Observation.of(seen.size() == 4, seen, "scraped " + seen);
        });
    assertThat(byTarget).containsExactlyEntriesOf(new TreeMap<>(Map.of("node-geth-synced", "1", "node-geth-peers", "0",
        "node-lighthouse-health", "0", "node-lighthouse-peers", "0")));

    JsonNode rules = JSON.readTree(http.send(HttpRequest.newBuilder(server.resolve("/api/v1/rules")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).at("/data/groups/0/rules");
    // Loaded from the file beside the configuration; promtool has checked them, and they first run within a minute.
    assertThat(rules).extracting(rule -> rule.get("name").asText()).containsExactlyElementsOf(
        probes.alertRules().stream().map(AlertRule::name).toList());
    assertThat(rules).allSatisfy(rule -> assertThat(rule.get("health").asText()).isNotEqualTo("err"));
  }
}
