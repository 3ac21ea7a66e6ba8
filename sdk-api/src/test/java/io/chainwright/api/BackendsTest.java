package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.backend.Backends;
import org.junit.jupiter.api.Test;

class BackendsTest {
  @Test
  void anUnknownBackendNameSaysWhatIsAvailable() {
    ChainwrightException e = assertThrows(ChainwrightException.class, () -> Backends.named("nomad"));

    assertThat(e.getMessage()).isEqualTo(
        "No backend named 'nomad' on the class path; available: none (add sdk-kubernetes or sdk-compose)");
  }
}
