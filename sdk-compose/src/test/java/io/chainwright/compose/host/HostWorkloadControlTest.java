package io.chainwright.compose.host;

import static io.chainwright.compose.host.HostRuntimeTest.get;
import static io.chainwright.compose.host.HostRuntimeTest.pair;
import static io.chainwright.compose.host.HostRuntimeTest.runtime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.PlatformException;
import io.chainwright.api.UsageException;
import io.chainwright.api.await.ProgressListener;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One workload of a running host deployment stopped, killed and started again, as failover tests do. */
class HostWorkloadControlTest {
  private static final Duration READY = Duration.ofSeconds(30);

  @Test
  void aKilledWorkloadComesBackOnTheSamePortWithItsDataAndItsEarlierLog() throws Exception {
    try (HostDeployment d = runtime().deploy(pair(), ProgressListener.none())) {
      d.awaitReady(READY, ProgressListener.none());
      URI leader = d.endpoint("leader", "http");
      long before = d.processId("leader").orElseThrow();
      ProcessHandle process = ProcessHandle.of(before).orElseThrow();

      d.kill("leader");

      assertThat(process.isAlive()).isFalse();
      assertThat(d.processId("leader")).isEmpty();
      assertThrows(IOException.class, () -> get(leader, "/health"));
      assertThat(get(d.endpoint("follower", "http"), "/health")).as("the other workload runs on").isEqualTo("200");

      d.start("leader");
      d.awaitReady("leader", READY);

      assertThat(get(leader, "/health")).isEqualTo("200");
      assertThat(d.processId("leader").orElseThrow()).isNotEqualTo(before);
      Path log = d.logFileOf("leader").orElseThrow();
      assertThat(Files.readString(log).split("listening on", -1)).as("both runs' output, in one file").hasSize(3);
      assertThat(d.root().resolve("volumes/leader-data/started")).exists();
    }
  }

  @Test
  void aStoppedWorkloadIsReportedByTheDeploymentsOwnReadinessCheck() {
    try (HostDeployment d = runtime().deploy(pair(), ProgressListener.none())) {
      d.awaitReady(READY, ProgressListener.none());

      d.stop("follower");

      PlatformException e = assertThrows(PlatformException.class, () -> d.awaitReady(READY, ProgressListener.none()));
      assertThat(e.getMessage()).startsWith("Failed to start service follower: exited with code");
      d.restart("follower");
      d.awaitReady(READY, ProgressListener.none());
      assertThat(d.processId("follower")).isPresent();
    }
  }

  @Test
  void restartGivesANewProcessAndStartLeavesARunningOneAlone() {
    try (HostDeployment d = runtime().deploy(pair(), ProgressListener.none())) {
      d.awaitReady(READY, ProgressListener.none());
      long first = d.processId("leader").orElseThrow();

      d.start("leader");
      assertThat(d.processId("leader")).hasValue(first);

      d.restart("leader");
      d.awaitReady("leader", READY);
      assertThat(d.processId("leader").orElseThrow()).isNotEqualTo(first);
      assertThat(ProcessHandle.of(first).filter(ProcessHandle::isAlive)).isEmpty();
    }
  }

  @Test
  void anUnknownWorkloadIsNamedAndATornDownDeploymentRefusesToStartOne() {
    HostDeployment d = runtime().deploy(pair(), ProgressListener.none());
    try {
      UsageException unknown = assertThrows(UsageException.class, () -> d.kill("leadr"));
      assertThat(unknown.getMessage()).isEqualTo("Network pair has no workload named 'leadr'");
    } finally {
      d.close();
    }
    UsageException closed = assertThrows(UsageException.class, () -> d.start("leader"));
    assertThat(closed.getMessage()).contains("torn down");
  }
}
