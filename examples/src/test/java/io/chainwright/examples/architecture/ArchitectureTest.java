package io.chainwright.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's own sources keep the boundaries of the design (see {@link ArchitectureRules}). */
class ArchitectureTest {
  private static SourceTree tree;
  private static ArchitectureRules rules;

  @BeforeAll
  static void readSources() {
    tree = SourceTree.mainSources(Path.of(".."));
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
  void everyModuleNamesItselfAfterItsRootPackage() {
    Map<String, Set<String>> packagesByModule = new TreeMap<>();
    tree.files().forEach(f -> packagesByModule.computeIfAbsent(f.module(), k -> new TreeSet<>()).add(f.pkg()));
    packagesByModule.forEach((module, packages) -> {
      String root = packages.iterator().next();   // the shortest in sorted order is the root, e.g. io.chainwright.api
      assertThat(packages).as(module + " packages").allSatisfy(p -> assertThat(p).startsWith(root));
      String pom = read(Path.of("..", module, "pom.xml"));
      assertThat(pom).as(module + "/pom.xml: the jar's Automatic-Module-Name").contains("<module.name>" + root + "</module.name>");
    });
  }

  @Test
  void noFileGrowsLongWithoutAReason() {
    assertThat(rules.longFilesWithoutAReason()).isEmpty();
  }

  @Test
  void packagesFormNoCycle() {
    assertThat(rules.packageCycles()).isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
