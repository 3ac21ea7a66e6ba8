package io.chainwright.compose.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.VolumeMount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host runtime with real processes: a small Java HTTP node, run through the same JDK. */
class HostRuntimeTest {
  private static final Path JAVA = Path.of(ProcessHandle.current().info().command().orElseThrow());
  private static final String CLASSES = Path.of("target/test-classes").toAbsolutePath().toString();

  static Container tinyNode(String name, String... extraArgs) {
    return Container.builder().name(name).image(Image.of("example/tiny-node:1"))
        .addCommand("java", "-cp", CLASSES, TinyNode.class.getName())
        .addArgs("--port", "8080", "--data", "/data")
        .addArgs(extraArgs)
        .addPort(Port.tcp("http", 8080))
        .addMount(VolumeMount.of("data", "/data"))
        .readiness(Probe.http("http", "/health"))
        .build();
  }

  static Workload node(String name, String... extraArgs) {
    return Workload.builder().name(name).kind(WorkloadKind.STATEFUL)
        .addContainer(tinyNode(name, extraArgs))
        .addVolume(DataVolume.of("data", "1Gi"))
        .build();
  }

  /** {@code follower} calls {@code leader} while starting, through the name Compose would give it. */
  static Network pair() {
    // Not ready for its first two checks, however slowly the machine starts it, so waiting is observable.
    Workload leader = node("leader", "--ready-after-checks", "2");
    Workload follower = Workload.builder().from(node("follower", "--peer", "http://leader:8080"))
        .addDependsOn(Dependency.ready("leader")).build();
    return Network.builder().name("pair").addWorkloads(follower, leader).build();
  }

  static HostRuntime runtime() {
    return HostRuntime.builder().binary("java", JAVA).stopGrace(Duration.ofSeconds(5)).build();
  }

  static String get(URI base, String path) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    return Integer.toString(r.statusCode());
  }

  @Test
  void startsInDependencyOrderAndServesOnItsOwnLoopbackPorts() throws Exception {
    List<String> observed = new ArrayList<>();
    try (HostDeployment d = runtime().deploy(pair(), p -> observed.add(p.subject() + ": " + p.state()))) {
      d.awaitReady(Duration.ofSeconds(30), ProgressListener.none());

      URI leader = d.endpoint("leader", "http");
      URI follower = d.endpoint("follower", "http");
      assertThat(leader.getHost()).isEqualTo("127.0.0.1");
      assertThat(leader.getPort()).isNotEqualTo(8080).isNotEqualTo(follower.getPort());
      assertThat(get(leader, "/health")).isEqualTo("200");
      assertThat(get(follower, "/health")).isEqualTo("200");
      assertThat(d.services()).containsExactly("leader", "follower");
      assertThat(Files.readString(d.logFile("follower"))).contains("peer http://127.0.0.1:" + leader.getPort() + " answered 200");
      assertThat(observed).anyMatch(s -> s.startsWith("service leader ready: HTTP 503"))
          .anyMatch(s -> s.equals("service leader ready: HTTP 200"));
    }
  }

  @Test
  void closingStopsEveryProcessAndKeepsTheData() throws Exception {
    HostDeployment d = runtime().deploy(pair(), ProgressListener.none());
    d.awaitReady(Duration.ofSeconds(30), ProgressListener.none());
    List<ProcessHandle> processes = d.pids().stream().map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
    assertThat(processes).hasSize(2);

    d.close();

    assertThat(processes.stream().filter(ProcessHandle::isAlive).count()).isZero();
    assertThat(d.root().resolve("volumes/leader-data/started")).exists();
    d.destroy(Teardown.DELETE_ALL_VOLUMES);
    assertThat(d.root()).exists();
  }

  @Test
  void closingStopsTheChildrenAServiceStartedToo() {
    Workload parent = Workload.builder().name("parent")
        .addContainer(Container.builder().name("parent").image(Image.of("example/shell:1"))
            .addCommand("sh", "-c", "sleep 600 & sleep 600 & wait").build())
        .build();
    HostRuntime runtime = HostRuntime.builder().binary("sh", Path.of("/bin/sh")).stopGrace(Duration.ofSeconds(2)).build();
    HostDeployment d = runtime.deploy(Network.builder().name("tree").addWorkload(parent).build(), ProgressListener.none());
    ProcessHandle shell = ProcessHandle.of(d.pids().get(0)).orElseThrow();
    List<ProcessHandle> tree = waitForChildren(shell, 2);

    d.destroy(Teardown.DELETE_ALL_VOLUMES);

    assertThat(tree.stream().filter(ProcessHandle::isAlive).count()).isZero();
  }

  @Test
  void anExecProbeRunsOnTheHostWithContainerPathsRewritten() {
    Workload node = Workload.builder().from(node("checked"))
        .containers(List.of(Container.builder().from(tinyNode("checked"))
            .readiness(Probe.exec("test", "-f", "/data/started")).build()))
        .build();
    HostRuntime runtime = HostRuntime.builder().binary("java", JAVA).build();

    try (HostDeployment d = runtime.deploy(Network.builder().name("checked").addWorkload(node).build(), ProgressListener.none())) {
      d.awaitReady(Duration.ofSeconds(30), ProgressListener.none());

      assertThat(d.root().resolve("volumes/checked-data/started")).exists();
    }
  }

  private static List<ProcessHandle> waitForChildren(ProcessHandle parent, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<ProcessHandle> tree = List.of();
    while (System.nanoTime() < deadline) {
      tree = new ArrayList<>(parent.descendants().toList());
      if (tree.size() >= count) {
        tree.add(parent);
        return tree;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the service started " + tree.size() + " children, expected " + count);
  }

  @Test
  void deletingAllVolumesRemovesTheWorkFolder() {
    HostDeployment d = runtime().deploy(pair(), ProgressListener.none());

    d.destroy(Teardown.DELETE_ALL_VOLUMES);

    assertThat(d.root()).doesNotExist();
  }

  @Test
  void parallelDeploymentsOfTheSameNetworkNeverShareAPort() {
    CompletableFuture<HostDeployment> a = CompletableFuture.supplyAsync(() -> runtime().deploy(pair(), ProgressListener.none()));
    CompletableFuture<HostDeployment> b = CompletableFuture.supplyAsync(() -> runtime().deploy(pair(), ProgressListener.none()));
    try (HostDeployment first = a.join(); HostDeployment second = b.join()) {
      first.awaitReady(Duration.ofSeconds(30), ProgressListener.none());
      second.awaitReady(Duration.ofSeconds(30), ProgressListener.none());

      assertThat(first.endpoint("leader", "http")).isNotEqualTo(second.endpoint("leader", "http"));
      assertThat(first.root()).isNotEqualTo(second.root());
    }
  }

  @Test
  void deployingTheSameNetworkAgainReturnsTheRunningDeployment() {
    HostRuntime runtime = runtime();
    try (HostDeployment first = runtime.deploy(pair(), ProgressListener.none())) {
      assertThat(runtime.deploy(pair(), ProgressListener.none())).isSameAs(first);
    }
  }

  @Test
  void aMissingBinaryNamesTheImageAndHowToProvideIt() {
    Network network = Network.builder().name("geth").addWorkload(Workload.builder().name("geth")
        .addContainer(Container.builder().name("geth").image(Image.of("ethereum/client-go:v1.15.11")).build()).build())
        .build();

    PlatformException e = assertThrows(PlatformException.class,
        () -> HostRuntime.builder().environment("PATH", "").build().deploy(network, ProgressListener.none()));

    assertThat(e.getMessage()).startsWith("Failed to start service geth: no binary for image ethereum/client-go:v1.15.11 "
        + "(program 'client-go'): map one with HostRuntime.builder().binary(\"ethereum/client-go\", path), or install it. "
        + "client-go not found: PATH is empty and no tools folder is named\n")
        .endsWith("Or set CHAINWRIGHT_BIN_CLIENT_GO to its path, put it on PATH, or put it in a folder named by "
            + "-Dchainwright.toolsDir or CHAINWRIGHT_TOOLS_DIR.");
  }

  @Test
  void aServiceThatDiesWhileStartingFailsWithItsLastOutput() {
    Workload broken = Workload.builder().name("broken")
        .addContainer(Container.builder().name("broken").image(Image.of("example/tiny-node:1"))
            .addCommand("java", "-cp", CLASSES, TinyNode.class.getName()).addArgs("--no-such-flag")
            .addPort(Port.tcp("http", 8080)).readiness(Probe.http("http", "/health")).build())
        .build();
    Workload waiting = Workload.builder().from(node("waiting")).addDependsOn(Dependency.ready("broken")).build();
    Network network = Network.builder().name("broken").addWorkloads(broken, waiting).build();

    PlatformException e = assertThrows(PlatformException.class, () -> runtime().deploy(network, ProgressListener.none()));

    assertThat(e.getMessage()).startsWith("Failed to start service broken: exited with code 1 before it was ready; last output:")
        .contains("unknown argument --no-such-flag");
  }

  @Test
  void aServiceThatNeverBecomesReadyTimesOutSayingWhatItLastSaw(@TempDir Path work) {
    Network slow = Network.builder().name("slow").addWorkload(node("slow", "--ready-after-ms", "600000")).build();
    HostRuntime runtime = HostRuntime.builder().binary("java", JAVA).workRoot(work).build();

    try (HostDeployment d = runtime.deploy(slow, ProgressListener.none())) {
      AwaitTimeoutException e = assertThrows(AwaitTimeoutException.class,
          () -> d.awaitReady(Duration.ofSeconds(2), ProgressListener.none()));

      assertThat(e.awaited()).isEqualTo("service slow ready");
      assertThat(e.lastState()).startsWith("HTTP 503");
      assertThat(d.root()).isEqualTo(work.resolve("slow"));
    }
  }
}
