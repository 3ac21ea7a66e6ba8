package io.chainwright.compose.docker;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import java.nio.file.Path;

/** Run in a JVM of its own: deploys one anvil with the teardown watcher on, says so, and hangs until it is killed. */
public final class DeployAndHang {
  private DeployAndHang() {}

  public static void main(String[] args) throws InterruptedException {
    Network network = Network.builder().name(args[1]).addWorkload(Workload.builder().name("anvil").kind(WorkloadKind.STATELESS)
        .addContainer(Container.builder().name("anvil").image(Image.of(TestDocker.ANVIL_IMAGE))
            .addCommand("anvil").addArgs("--host", "0.0.0.0").build())
        .build()).build();
    DockerComposeRuntime.builder().projectsRoot(Path.of(args[0])).tearDownWhenJvmExits(true).build().deploy(network);
    System.out.println("deployed");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
