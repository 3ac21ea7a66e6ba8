package io.chainwright.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.probe.Probe;
import io.chainwright.compose.host.HostDeployment;
import io.chainwright.compose.host.HostRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs small test classes through the JUnit engine and checks what the extension did around them. */
class DevnetExtensionTest {
  static final List<HostDeployment> SEEN = new CopyOnWriteArrayList<>();
  static final Path JAVA = Path.of(ProcessHandle.current().info().command().orElseThrow());

  /** A node that prints a line the failure report should carry. */
  static Network chatty() {
    return Network.builder().name("chatty").addWorkload(Workload.builder().name("chatty")
        .addContainer(Container.builder().name("chatty").image(Image.of("example/chatty:1"))
            .addCommand("java", "-cp", System.getProperty("java.class.path"), ChattyNode.class.getName())
            .addArgs("--port", "8080")
            .addPort(Port.tcp("http", 8080)).readiness(Probe.tcp("http")).build())
        .build()).build();
  }

  @Devnet
  static class FailingUser {
    static HostRuntime runtime = HostRuntime.builder().binary("java", JAVA).build();
    static Network network = chatty();

    @Test
    void fails(HostDeployment deployment) {
      SEEN.add(deployment);
      throw new AssertionError("the node said something unexpected");
    }
  }

  @Devnet
  static class NoNetwork {
    @Test
    void never() {}
  }

  @Test
  void aFailedTestCarriesTheDevnetsRecentLogsAndTheDevnetStopsAfterTheClass() {
    Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingUser.class)).execute().testEvents();

    events.assertStatistics(s -> s.failed(1));
    Throwable failure = events.failed().stream().findFirst().orElseThrow()
        .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    assertThat(failure.getSuppressed()).singleElement().extracting(Throwable::getMessage).asString()
        .contains("Recent devnet logs:", "chatty node listening");
    HostDeployment deployment = SEEN.get(0);
    assertThat(deployment.isDestroyed()).isTrue();
    assertThat(deployment.root()).doesNotExist();
  }

  @Test
  void aClassWithoutANetworkFailsSayingSo() {
    Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NoNetwork.class)).execute().containerEvents();

    Throwable failure = events.failed().stream().findFirst().orElseThrow()
        .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    assertThat(failure).hasMessage("NoNetwork is annotated @Devnet but has no static Network field");
  }

}
