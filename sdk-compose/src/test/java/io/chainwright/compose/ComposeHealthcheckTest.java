package io.chainwright.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.probe.HttpCheck;
import io.chainwright.api.probe.Probe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTP check as Compose runs it: the rendered shell command, run by a shell with busybox's wget
 * (the one the test images carry), against a server that, like Teku or Besu, answers only requests
 * naming an allowed host, at a path whose query string holds an {@code &}.
 */
class ComposeHealthcheckTest {
  private static final String PATH = "/health?syncing=503&peers=1";
  private HttpServer server;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/health", exchange -> {
      boolean allowed = exchange.getRequestHeaders().getFirst("Host").startsWith("localhost")
          && "syncing=503&peers=1".equals(exchange.getRequestURI().getRawQuery());
      exchange.sendResponseHeaders(allowed ? 200 : 403, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theCheckSendsItsHeadersAndItsWholePath(@TempDir Path dir) throws Exception {
    Path bin = busyboxWget(dir);

    assertThat(run(healthcheck(Map.of("Host", "localhost")), bin)).as("with the allowed Host").isZero();
    assertThat(run(healthcheck(Map.of()), bin)).as("without the Host the server allows").isNotZero();
  }

  /** The healthcheck's shell command as the container's shell gets it, once Compose has undone its {@code $$}. */
  private String healthcheck(Map<String, String> headers) throws IOException {
    int port = server.getAddress().getPort();
    Workload w = Workload.builder().name("beacon").addContainer(Container.builder().name("beacon").image(Image.of("example/beacon:1"))
        .addPort(Port.tcp("http", port))
        .readiness(Probe.builder().check(HttpCheck.builder().port("http").path(PATH).headers(headers).build()).build())
        .build()).build();
    String yaml = ComposeRenderer.render(Network.builder().name("checks").addWorkload(w).build()).composeYaml();
    var test = new ObjectMapper(new YAMLFactory()).readTree(yaml).at("/services/beacon/healthcheck/test");
    assertThat(test.get(0).asText()).isEqualTo("CMD-SHELL");
    return test.get(1).asText().replace("$$", "$");
  }

  private static int run(String command, Path bin) throws Exception {
    ProcessBuilder shell = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
    shell.environment().put("PATH", bin + ":/usr/bin:/bin");
    Process p = shell.start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the check finishes").isTrue();
    return p.exitValue();
  }

  /** A folder whose {@code wget} is busybox's, as in the images the tests build. */
  private static Path busyboxWget(Path dir) throws IOException {
    Path busybox = TestTools.systemProgram("busybox", "busybox-static");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("wget"), busybox);
    return bin;
  }
}
