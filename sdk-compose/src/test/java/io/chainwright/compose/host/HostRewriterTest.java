package io.chainwright.compose.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostRewriterTest {
  // The work folder lies under /tmp, which is also a container path with a mount of its own.
  private final HostRewriter rewriter = new HostRewriter(Map.of(), Map.of(), Map.of(
      "/tmp", Path.of("/tmp/work/node/scratch/tmp"),
      "/var/config", Path.of("/tmp/work/node/configs/config"),
      "/var/config/keys", Path.of("/tmp/work/node/secrets/keys")));

  @Test
  void aRewrittenPathIsNotRewrittenAgainByAnotherMount() {
    assertThat(rewriter.rewrite("FABRIC_CFG_PATH=/var/config")).isEqualTo("FABRIC_CFG_PATH=/tmp/work/node/configs/config");
    assertThat(rewriter.rewrite("/tmp/cache")).isEqualTo("/tmp/work/node/scratch/tmp/cache");
  }

  @Test
  void theLongestMountWinsAndListsInBracketsAreRewritten() {
    assertThat(rewriter.rewrite("RootCAs: [/var/config/keys/ca.crt, /var/config/x.yaml]"))
        .isEqualTo("RootCAs: [/tmp/work/node/secrets/keys/ca.crt, /tmp/work/node/configs/config/x.yaml]");
  }

  @Test
  void aPathThatOnlyStartsLikeAMountIsLeftAlone() {
    assertThat(rewriter.rewrite("/var/configuration /tmpfs")).isEqualTo("/var/configuration /tmpfs");
  }
}
