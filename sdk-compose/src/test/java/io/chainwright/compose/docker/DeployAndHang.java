package io.chainwright.compose.docker;

import io.chainwright.api.Network;
import java.nio.file.Path;

/** Run in a JVM of its own: deploys one anvil with the teardown watcher on, says so, and hangs until it is killed. */
public final class DeployAndHang {
  private DeployAndHang() {}

  public static void main(String[] args) throws InterruptedException {
    Network network = Network.builder().name(args[1]).addWorkload(TestDocker.anvil()).build();
    DockerComposeRuntime.builder().projectsRoot(Path.of(args[0])).tearDownWhenJvmExits(true).build().deploy(network);
    System.out.println("deployed");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
