package io.chainwright.compose.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Port;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.UsageException;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.compose.PortPublishing;
import io.chainwright.compose.TestRpc;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker runtime on a real engine, with images built here from the npm anvil binary. */
class DockerComposeRuntimeTest {
  /** anvil, and a job that may start only once anvil is healthy, which asks it for its chain id and exits. */
  static Network anvilAndAJob(String name) {
    // Runs as the default non-root user, and reads an owner-only secret file as well.
    Workload ask = Workload.builder().name("ask").kind(WorkloadKind.JOB)
        .addDependsOn(Dependency.ready("anvil"))
        .addVolumes(SecretVolume.builder().name("token").secret("token").build())
        .addContainer(Container.builder().name("ask").image(Image.of(TestDocker.ANVIL_IMAGE))
            .addCommand("sh", "-c")
            .addArgs("cat /secrets/token/value && wget -q -O - --header 'Content-Type: application/json'"
                + " --post-data '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}' http://anvil:8545/")
            .addMounts(VolumeMount.readOnly("token", "/secrets/token"))
            .build())
        .build();
    Workload anvil = TestDocker.anvil();
    return Network.builder().name(name).addWorkload(Workload.builder().from(anvil)
        .containers(List.of(Container.builder().from(anvil.containers().get(0))
            .addPort(Port.builder().name("admin").number(9000).internalOnly(true).build()).build())).build())
        .addWorkload(ask)
        .addSecrets(Secret.builder().name("token").putData("value", SecretValue.of("open-sesame")).build())
        .build();
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

    try (DockerDeployment d = runtime.deploy(anvilAndAJob(TestDocker.projectName("cw-docker-job")))) {
      d.awaitReady(Duration.ofMinutes(2), ProgressListener.none());

      assertThat(d.logs("ask", 5)).contains("open-sesame").contains("\"result\":\"0x7a69\"");
      URI rpc = d.endpoint("anvil", "rpc");
      assertThat(rpc.getHost()).isEqualTo("127.0.0.1");
      assertThat(rpc.getPort()).isNotEqualTo(8545).isPositive();
      assertThat(TestRpc.call(rpc, "eth_chainId")).contains("0x7a69");
      assertThat(assertThrows(UsageException.class, () -> d.endpoint("anvil", "admin")).getMessage()).contains("internal-only");
    }
  }

  @Test
  void deletingVolumesKeepsThoseKeptOnDeleteAndANonRootNodeOwnsItsFreshVolume(@TempDir Path dir) {
    TestDocker.anvilImage();
    Workload anvil = TestDocker.anvil();
    Workload withVolumes = Workload.builder().from(anvil).kind(WorkloadKind.STATEFUL)
        .addVolumes(DataVolume.of("chain", "1Gi"), DataVolume.builder().name("cache").size("1Gi").keepOnDelete(false).build())
        .containers(List.of(Container.builder().from(anvil.containers().get(0))
            .addArgs("--state", "/chain/state.json", "--state-interval", "1")
            .addMounts(VolumeMount.of("chain", "/chain"), VolumeMount.of("cache", "/cache")).build()))
        .build();
    DockerComposeRuntime runtime = DockerComposeRuntime.builder().projectsRoot(dir).tearDownWhenJvmExits(true).build();

    String project = TestDocker.projectName("cw-docker-volumes");
    DockerDeployment d = runtime.deploy(Network.builder().name(project).addWorkload(withVolumes).build());
    try {
      d.awaitReady(Duration.ofMinutes(2), ProgressListener.none());
      assertThat(d.logs("anvil", 200)).doesNotContain("Permission denied");
      d.destroy(Teardown.DELETE_VOLUMES);
      assertThat(d.volumes()).containsExactly(project + "_anvil-chain");
    } finally {
      d.destroy(Teardown.DELETE_ALL_VOLUMES);
    }
    assertThat(d.volumes()).isEmpty();
  }
}
