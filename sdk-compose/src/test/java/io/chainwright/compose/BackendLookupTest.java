package io.chainwright.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.backend.Backends;
import io.chainwright.compose.docker.DockerComposeRuntime;
import io.chainwright.compose.host.HostRuntime;
import org.junit.jupiter.api.Test;

class BackendLookupTest {
  @Test
  void bothRuntimesAreFoundByName() {
    assertThat(Backends.available()).contains("compose", "host");
    assertThat(Backends.named("host")).isInstanceOf(HostRuntime.class);
    assertThat(Backends.named("compose")).isInstanceOf(DockerComposeRuntime.class);
  }
}
