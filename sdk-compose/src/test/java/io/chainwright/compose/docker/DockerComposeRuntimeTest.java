package io.chainwright.compose.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.Image;
import io.chainwright.api.JsonRpcExpectation;
import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Port;
import io.chainwright.api.Probe;
import io.chainwright.api.UsageException;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Teardown;
import io.chainwright.compose.PortPublishing;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker runtime on a real engine, with images built here from the npm anvil binary. */
class DockerComposeRuntimeTest {
  /** anvil, and a job that may start only once anvil is healthy, which asks it for its chain id and exits. */
  private static Network anvilAndAJob(String name) {
    Workload anvil = Workload.builder().name("anvil").kind(WorkloadKind.STATELESS)
        .addContainer(Container.builder().name("anvil").image(Image.of(TestDocker.ANVIL_IMAGE))
            .addCommand("anvil").addArgs("--host", "0.0.0.0", "--port", "8545", "--chain-id", "31337")
            .addPort(Port.tcp("rpc", 8545))
            .addPort(Port.builder().name("admin").number(9000).internalOnly(true).build())
            .readiness(Probe.jsonRpc("rpc", "eth_chainId", JsonRpcExpectation.equalTo("\"0x7a69\"")))
            .build())
        .build();
    Workload ask = Workload.builder().name("ask").kind(WorkloadKind.JOB)
        .addDependsOn(Dependency.ready("anvil"))
        .addContainer(Container.builder().name("ask").image(Image.of(TestDocker.ANVIL_IMAGE))
            .addCommand("sh", "-c")
            .addArgs("wget -q -O - --header 'Content-Type: application/json'"
                + " --post-data '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}' http://anvil:8545/")
            .build())
        .build();
    return Network.builder().name(name).addWorkload(anvil).addWorkload(ask).build();
  }

  @Test
  void withoutAnEngineDeployFailsAtOnceNamingTheEngineAndWritesNothing(@TempDir Path dir) {
    DockerComposeRuntime runtime = DockerComposeRuntime.builder().projectsRoot(dir)
        .dockerHost("unix://" + dir.resolve("no-engine.sock")).build();

    PlatformException e = assertThrows(PlatformException.class, () -> runtime.deploy(anvilAndAJob("cw-no-engine")));

    assertThat(e.getMessage()).startsWith("Failed to reach the Docker engine at unix://" + dir.resolve("no-engine.sock"))
        .contains("HostRuntime");
    assertThat(dir.resolve("cw-no-engine")).doesNotExist();
  }

  @Test
  void aJobStartsOnlyOnceWhatItDependsOnIsHealthyAndEveryPortButInternalOnesIsReachable(@TempDir Path dir) throws Exception {
    TestDocker.anvilImage();
    DockerComposeRuntime runtime = DockerComposeRuntime.builder().projectsRoot(dir).timeout(Duration.ofMinutes(2)).tearDownWhenJvmExits(true)
        .publishing(PortPublishing.LOOPBACK_ANY_PORT).build();

    try (DockerDeployment d = runtime.deploy(anvilAndAJob("cw-docker-job"))) {
      d.awaitReady(Duration.ofMinutes(2), ProgressListener.none());

      assertThat(d.logs("ask", 5)).contains("\"result\":\"0x7a69\"");
      URI rpc = d.endpoint("anvil", "rpc");
      assertThat(rpc.getHost()).isEqualTo("127.0.0.1");
      assertThat(rpc.getPort()).isNotEqualTo(8545).isPositive();
      assertThat(call(rpc, "eth_chainId")).contains("0x7a69");
      assertThat(assertThrows(UsageException.class, () -> d.endpoint("anvil", "admin")).getMessage()).contains("internal-only");
    }
  }

  private static String call(URI rpc, String method) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}";
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(rpc).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
