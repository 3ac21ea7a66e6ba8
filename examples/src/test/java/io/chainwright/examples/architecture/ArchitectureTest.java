package io.chainwright.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's own sources keep the boundaries of the design (see {@link ArchitectureRules}). */
class ArchitectureTest {
  private static ArchitectureRules rules;

  @BeforeAll
  static void readSources() {
    SourceTree tree = SourceTree.mainSources(Path.of(".."));
    assertThat(tree.files()).as("main sources found from the examples module").hasSizeGreaterThan(100);
    rules = new ArchitectureRules(tree);
  }

  @Test
  void domainsUseNoPlatformTypes() {
    assertThat(rules.domainsUseNoPlatformTypes()).isEmpty();
  }

  @Test
  void backendsNameNoChain() {
    assertThat(rules.backendsNameNoChain()).isEmpty();
  }

  @Test
  void theApiDependsOnItsSmallSetOnly() {
    assertThat(rules.apiDependsOnItsSmallSet()).isEmpty();
  }

  @Test
  void packagesFormNoCycle() {
    assertThat(rules.packageCycles()).isEmpty();
  }
}
