package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.compose.PortPublishing;
import io.chainwright.compose.docker.DockerComposeRuntime;
import io.chainwright.compose.docker.DockerDeployment;
import io.chainwright.compose.docker.TestDocker;
import io.chainwright.ethereum.client.ContractArtifact;
import io.chainwright.ethereum.client.ExecutionRpc;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The devnet example on a real Docker engine: anvil in a container built here from the npm binary,
 * a contract deployed through the published port, a restart, and a teardown that keeps the chain.
 */
class DockerDevnetTest {
  private static final Duration READY = Duration.ofMinutes(2);

  /** The example, with anvil's chain kept on a named volume ({@code --state} loads it at start and writes it as blocks come). */
  private static Network persistentDevnet() {
    Network devnet = DevnetExample.network();
    Workload anvil = devnet.workload("anvil").orElseThrow();
    Container container = Container.builder().from(anvil.containers().get(0))
        .addArgs("--state", "/data/state.json", "--state-interval", "1")
        .addMounts(VolumeMount.of("state", "/data"))
        .build();
    Workload persistent = Workload.builder().from(anvil).kind(WorkloadKind.STATEFUL)
        .addVolumes(DataVolume.of("state", "1Gi"))
        .containers(List.of(container))
        .build();
    return Network.builder().from(devnet).name(TestDocker.projectName("cw-docker-devnet")).workloads(List.of(persistent)).build();
  }

  private static BigInteger count(DockerDeployment d, String counter) {
    try (ExecutionRpc rpc = ExecutionRpc.connect(d.endpoint("anvil", "rpc"))) {
      Function count = new Function("count", List.of(), List.of(new TypeReference<Uint256>() {}));
      return (BigInteger) rpc.call(counter, count).get(0).getValue();
    }
  }

  @Test
  void theReadmeSnippetRunsTheDevnetRestartsItAndLeavesNoContainerBehind() throws Exception {
    TestDocker.anvilImage();
    Network network = DevnetExample.network();
    // README: docker-runtime
    DockerComposeRuntime docker = DockerComposeRuntime.builder()
        .publishing(PortPublishing.LOOPBACK_ANY_PORT)   // every port but internal-only ones, on 127.0.0.1
        .build();
    try (DockerDeployment d = docker.deploy(network)) {
      d.awaitReady(Duration.ofMinutes(2));
      URI rpc = d.endpoint("anvil", "rpc");
      d.restart("anvil");
    }
    // README: end
    Process ps = new ProcessBuilder("docker", "ps", "--all", "--quiet", "--filter", "label=com.docker.compose.project=devnet")
        .redirectErrorStream(true).start();
    assertThat(new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isBlank();
    assertThat(ps.waitFor()).isZero();
  }

  @Test
  void theDevnetRunsInAContainerKeepsItsChainAcrossARestartAndTeardownKeepsItsVolume(@TempDir Path dir) {
    TestDocker.anvilImage();
    DockerComposeRuntime docker = DockerComposeRuntime.builder().projectsRoot(dir).timeout(READY).tearDownWhenJvmExits(true)
        .publishing(PortPublishing.LOOPBACK_ANY_PORT).build();
    Network network = persistentDevnet();

    DockerDeployment first = docker.deploy(network);
    String counter;
    try {
      first.awaitReady(READY, ProgressListener.none());
      try (ExecutionRpc rpc = ExecutionRpc.connect(first.endpoint("anvil", "rpc"))) {
        counter = rpc.sender(AnvilDevnet.builder().build().credentials(0))
            .deploy(ContractArtifact.counter(), Duration.ofSeconds(60), new Uint256(7)).address();
      }
      assertThat(count(first, counter)).isEqualTo(7);

      first.restart("anvil");
      first.awaitReady("anvil", READY);
      assertThat(count(first, counter)).as("the contract after a restart").isEqualTo(7);
    } finally {
      first.close();
    }
    assertThat(first.volumes()).as("volumes after close()").hasSize(1);

    DockerDeployment second = docker.deploy(network);
    try {
      second.awaitReady(READY, ProgressListener.none());
      assertThat(count(second, counter)).as("the contract in a new deployment on the kept volume").isEqualTo(7);
    } finally {
      second.destroy(Teardown.DELETE_ALL_VOLUMES);
    }
    assertThat(second.volumes()).isEmpty();
  }
}
