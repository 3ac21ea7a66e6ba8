package io.chainwright.compose.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.SecretValue;
import io.chainwright.api.Workload;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Backoff;
import io.chainwright.api.await.Observation;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.policy.AlertInhibition;
import io.chainwright.api.policy.AlertReceiver;
import io.chainwright.api.policy.AlertRoute;
import io.chainwright.api.policy.AlertRouting;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.compose.AlertmanagerFile;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.TestTools;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The alert routing a Compose project writes, run by a real Alertmanager (Debian's 0.25.0) through
 * the host runtime with the project's secret mounted where the file says: alerts go to the
 * receivers their labels route them to, a webhook is called with the bearer token read from the
 * secret, and an inhibited alert is held back while its cause fires.
 */
class AlertmanagerOnHostTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "audit-token-7f3a";
  private static final String TENANT = "acme \"east\"";
  private final HttpClient http = HttpClient.newHttpClient();
  /** The names of the alerts each webhook path received, and the Authorization header it was called with. */
  private final ConcurrentMap<String, List<String>> received = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> authorization = new ConcurrentHashMap<>();
  private HttpServer hooks;
  private HostDeployment deployment;

  @AfterEach
  void stop() {
    List<Long> pids = deployment == null ? List.of() : deployment.pids();
    if (deployment != null) {
      deployment.close();
    }
    if (hooks != null) {
      hooks.stop(0);
    }
    assertThat(pids).as("no process left behind").allSatisfy(pid ->
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
  }

  @Test
  void alertsReachTheReceiversTheirLabelsRouteThemToAndAnInhibitedOneIsHeldBack() throws Exception {
    hooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hooks.createContext("/", exchange -> {
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      String path = exchange.getRequestURI().getPath();
      body.get("alerts").forEach(alert -> received.merge(path, List.of(alert.at("/labels/alertname").asText()),
          (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth != null) {
        authorization.put(path, auth);
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    hooks.start();
    URI base = URI.create("http://127.0.0.1:" + hooks.getAddress().getPort());
    // A group wait of a second, not Alertmanager's default, so the notifications come at once.
    AlertRouting routing = AlertRouting.builder().defaultReceiver("team").groupWait("1s")
        .addReceivers(AlertReceiver.webhook("team", base.resolve("/team")),
            AlertReceiver.webhook("on-call", base.resolve("/on-call")),
            AlertReceiver.webhook("audit", base.resolve("/audit"), SecretKeyRef.of("audit", "token")))
        .addRoutes(AlertRoute.builder().receiver("on-call").putMatcher("severity", "critical").continueMatching(true).build(),
            AlertRoute.to("audit", Map.of("tenant", TENANT)))
        .addInhibitions(AlertInhibition.builder().putSource("alertname", "NodeDown").putTarget("alertname", "NodeLag")
            .addEqual("network").build())
        .build();
    Network alerting = Network.builder().name("alerting")
        .addSecret(Secret.builder().name("audit").putData("token", SecretValue.of(TOKEN)).build())
        .monitoring(MonitoringPolicy.builder().routing(routing).build())
        .build();
    String file = ComposeRenderer.render(alerting).files().get(AlertmanagerFile.PATH);

    deployment = HostRuntime.builder().binary("alertmanager", TestTools.systemProgram("prometheus-alertmanager", "prometheus-alertmanager"))
        .build().deploy(Network.builder().from(alerting).addWorkload(alertmanager(file)).build(), ProgressListener.none());
    deployment.awaitReady(Duration.ofSeconds(30), ProgressListener.none());
    URI api = deployment.endpoint("alertmanager", "http");

    post(api, List.of(alert("NodeDown", "critical", null), alert("NodeLag", "critical", null),
        alert("QuotaHigh", "warning", TENANT), alert("DiskFilling", "info", null)));

    Map<String, List<String>> delivered = Await.of("each receiver's notification").timeout(Duration.ofSeconds(60))
        .listener(ProgressListener.none()).backoff(Backoff.fixed(Duration.ofMillis(500))).untilRethrowing(() -> {
          Map<String, List<String>> seen = new TreeMap<>(received);
          return Observation.of(seen.size() == 3, seen, "delivered " + seen);
        });
    assertThat(delivered).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        "/on-call", List.of("NodeDown"), "/audit", List.of("QuotaHigh"), "/team", List.of("DiskFilling"))));
    assertThat(authorization).as("only the audit webhook has a token, read from the mounted secret")
        .containsExactlyEntriesOf(Map.of("/audit", "Bearer " + TOKEN));
    assertThat(inhibitedBy(api, "NodeLag")).as("NodeLag is held back by NodeDown").isNotEmpty();
  }

  /** Alertmanager as the project expects it: its file at /etc/alertmanager, the project's secrets under it. */
  private static Workload alertmanager(String file) {
    return Workload.builder().name("alertmanager")
        .addContainer(Container.builder().name("alertmanager").image(Image.of("prom/alertmanager:v0.25.0"))
            .addCommand("alertmanager")
            .addArgs("--config.file=/etc/alertmanager/alertmanager.yml", "--storage.path=/alertmanager",
                "--web.listen-address=0.0.0.0:9093", "--cluster.listen-address=")
            .addPort(Port.tcp("http", 9093))
            .addMount(VolumeMount.readOnly("config", "/etc/alertmanager"))
            .addMount(VolumeMount.readOnly("audit", AlertmanagerFile.SECRETS + "/audit"))
            .addMount(VolumeMount.of("data", "/alertmanager"))
            .readiness(Probe.http("http", "/-/ready")).build())
        .addVolume(ConfigVolume.builder().name("config").putFile("alertmanager.yml", file).build())
        .addVolume(SecretVolume.of("audit", "audit"))
        .addVolume(ScratchVolume.of("data"))
        .build();
  }

  private static Map<String, Object> alert(String name, String severity, String tenant) {
    Map<String, String> labels = new TreeMap<>(Map.of("alertname", name, "network", "alerting", "severity", severity));
    if (tenant != null) {
      labels.put("tenant", tenant);
    }
    return Map.of("labels", labels);
  }

  private void post(URI api, List<Map<String, Object>> alerts) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(api.resolve("/api/v2/alerts"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(alerts)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private JsonNode alerts(URI api) throws Exception {
    return JSON.readTree(http.send(HttpRequest.newBuilder(api.resolve("/api/v2/alerts")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  /** The fingerprints of the alerts that inhibit the one called {@code name}, as Alertmanager reports them. */
  private List<String> inhibitedBy(URI api, String name) throws Exception {
    for (JsonNode alert : alerts(api)) {
      if (alert.at("/labels/alertname").asText().equals(name)) {
        return StreamSupport.stream(alert.at("/status/inhibitedBy").spliterator(), false).map(JsonNode::asText).toList();
      }
    }
    throw new AssertionError(name + " is not among Alertmanager's alerts");
  }
}
