package io.chainwright.compose.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.Container;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Port;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.Workload;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeRenderer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The host gives a process the environment Compose would, with the host's ports, and secrets untouched. */
class ServiceEnvironmentTest {
  private static final HostRewriter REWRITER = new HostRewriter(Map.of("node", Map.of(8545, 41001)), Map.of(8545, 41001),
      Map.of("/data", Path.of("/tmp/host-data")));

  private static ComposeProject project(Secret secret) {
    Workload node = Workload.builder().name("node")
        .addContainer(Container.builder().name("node").image(Image.of("example/node:1"))
            .addPort(Port.tcp("rpc", 8545))
            .addEnv(EnvVar.literal("RPC", "http://node:8545"), EnvVar.literal("DATA", "/data/chain"),
                EnvVar.fromSecret("PASSWORD", secret.name(), "password"))
            .build())
        .build();
    return ComposeRenderer.render(Network.builder().name("env").addWorkload(node).addSecret(secret).build());
  }

  @Test
  void literalsGetHostPortsAndPathsWhileSecretsArriveByteForByte() {
    ComposeProject project = project(Secret.builder().name("db").putData("password", SecretValue.of("p8545 /data")).build());

    Map<String, String> env = ServiceEnvironment.of(project, "node", project.compose().services().get("node"), REWRITER,
        Map.of("HOME", "/home/test"), variable -> null);

    assertThat(env).containsEntry("RPC", "http://127.0.0.1:41001").containsEntry("DATA", "/tmp/host-data/chain")
        .containsEntry("PASSWORD", "p8545 /data").containsEntry("HOME", "/home/test");
  }

  @Test
  void aProvidedSecretComesFromTheCallersEnvironmentOrFailsNamingItsVariable() {
    ComposeProject project = project(Secret.builder().name("db").provided(true).build());
    var spec = project.compose().services().get("node");
    String variable = spec.environment().get("PASSWORD").replaceAll("[${}]", "");

    assertThat(ServiceEnvironment.of(project, "node", spec, REWRITER, Map.of(), v -> v.equals(variable) ? "from caller" : null))
        .containsEntry("PASSWORD", "from caller");
    assertThatThrownBy(() -> ServiceEnvironment.of(project, "node", spec, REWRITER, Map.of(), v -> null))
        .isInstanceOf(PlatformException.class).hasMessageContaining("PASSWORD needs " + variable);
  }
}
