package io.chainwright.compose.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.await.Await;
import io.chainwright.api.await.Backoff;
import io.chainwright.api.await.Observation;
import io.chainwright.api.await.ProgressListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed with SIGKILL after deploying leaves no container behind when the teardown watcher is on. */
class ComposeReaperTest {
  private static final String PROJECT = TestDocker.projectName("cw-reaped");

  private static List<String> containers(DockerCli cli) {
    return cli.call("list", "containers", Duration.ofSeconds(30),
        List.of("ps", "--all", "--quiet", "--filter", "label=com.docker.compose.project=" + PROJECT)).lines().toList();
  }

  @Test
  void aKilledJvmsProjectIsTornDown(@TempDir Path dir) throws Exception {
    DockerCli cli = TestDocker.requireEngine();
    TestDocker.anvilImage();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        DeployAndHang.class.getName(), dir.toString(), PROJECT).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      StringBuilder said = new StringBuilder();
      while ((line = out.readLine()) != null && !line.equals("deployed")) {
        said.append(line).append('\n');
      }
      assertThat(line).as("the child's output: " + said).isEqualTo("deployed");
      assertThat(containers(cli)).hasSize(1);
    } finally {
      child.destroyForcibly().waitFor();
    }

    List<String> left = Await.of("containers of " + PROJECT + " removed").timeout(Duration.ofMinutes(1))
        .listener(ProgressListener.none()).backoff(Backoff.fixed(Duration.ofMillis(500)))
        .until(() -> {
          List<String> now = containers(cli);
          return now.isEmpty() ? Observation.done(now, "none left") : Observation.waiting(now.size() + " left");
        });
    assertThat(left).isEmpty();
  }
}
