package io.chainwright.ethereum.probes;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.chainwright.api.Network;
import io.chainwright.api.await.ProgressListener;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generated configuration run by a real blackbox exporter (Debian's 0.23.0) through the host
 * runtime, probing a real anvil node and a stand-in beacon API whose health answer the test sets.
 */
class NodeProbesOnHostTest {
  private static final Duration READY = Duration.ofSeconds(30);
  private final HttpClient http = HttpClient.newHttpClient();
  private final HostRuntime runtime = HostRuntime.builder()
      .binary("anvil", TestTools.anvil())
      .binary("blackbox_exporter", TestTools.systemProgram("prometheus-blackbox-exporter", "prometheus-blackbox-exporter"))
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
    beacon = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    beacon.createContext("/eth/v1/node/health", exchange -> {
      exchange.sendResponseHeaders(health.get(), -1);
      exchange.close();
    });
    beacon.start();
    String beaconHealth = "http://127.0.0.1:" + beacon.getAddress().getPort() + NodeProbesCompiler.HEALTH_PATH;

    NodeProbes probes = NodeProbes.builder().addNodes(NodeProbesTest.GETH).build();
    URI exporter = deploy(probes.addTo(Network.builder().name("probes")).build()).endpoint(probes.name(), "http");

    assertThat(probe(exporter, ProbeModule.EL_SYNCED, anvil)).as("anvil answers eth_syncing with false").isEqualTo("1");
    assertThat(probe(exporter, ProbeModule.EL_PEERS, anvil)).as("anvil has no net_peerCount: no peer count, no pass")
        .isEqualTo("0");
    assertThat(probe(exporter, ProbeModule.CL_HEALTH, beaconHealth)).isEqualTo("1");
    health.set(206);
    assertThat(probe(exporter, ProbeModule.CL_HEALTH, beaconHealth)).as("206: still syncing").isEqualTo("0");

    node.close();
    assertThat(probe(exporter, ProbeModule.EL_SYNCED, anvil)).as("the node is gone").isEqualTo("0");
  }
}
