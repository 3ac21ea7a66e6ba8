package io.chainwright.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.backend.Teardown;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code $} the model means literally, in an argument or an environment value, reaches the
 * program as written, as it does on Kubernetes: Compose would otherwise read {@code $HOME} as the
 * caller's variable. Checked with Compose v1.29 itself, and through the host runtime.
 */
class LiteralDollarTest {
  private static final String ARGUMENT = "${HOME}-costs-$5-and-$$";
  private static final String VALUE = "price: $HOME";

  @TempDir Path dir;

  /** A shell that writes its argument and variable into its working folder, then exits. */
  private static Network network() {
    return Network.builder().name("dollars").addWorkload(Workload.builder().name("echo").kind(WorkloadKind.JOB)
        .addContainer(Container.builder().name("echo").image(Image.of("example/shell:1")).addCommand("sh")
            .addArgs("-c", "printf '%s\\n' \"$1\" \"$GREETING\" > result.txt", "sh", ARGUMENT)
            .addEnv(EnvVar.literal("GREETING", VALUE)).build())
        .build()).build();
  }

  @Test
  void composeReadsTheValuesBackAsTheModelWroteThem() throws Exception {
    ComposeRenderer.render(network()).writeFiles(dir);
    Path compose = TestTools.systemProgram("docker-compose", "docker-compose");

    String resolved = TestTools.run(compose, dir, "--file", "compose.yaml", "config");

    // config prints the values with each literal $ doubled again, as a file Compose can read back
    assertThat(resolved).contains(asPrinted(ARGUMENT), asPrinted(VALUE)).doesNotContain("/root-costs");
  }

  @Test
  void theHostRuntimeGivesTheProgramTheValuesAsTheModelWroteThem() throws Exception {
    HostRuntime runtime = HostRuntime.builder().binary("sh", TestTools.systemProgram("sh", "dash")).workRoot(dir).build();
    HostDeployment d = runtime.deploy(network());
    try {
      Path result = dir.resolve("dollars/echo/work/result.txt");
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!(Files.exists(result) && Files.readAllLines(result).size() == 2) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(Files.readAllLines(result)).containsExactly(ARGUMENT, VALUE);
    } finally {
      d.destroy(Teardown.DELETE_ALL_VOLUMES);
    }
  }

  /** How {@code docker-compose config} prints a literal value. */
  private static String asPrinted(String literal) {
    return literal.replace("$", "$$");
  }
}
