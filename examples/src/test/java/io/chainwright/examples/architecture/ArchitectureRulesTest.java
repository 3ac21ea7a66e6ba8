package io.chainwright.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule catches a deliberate breach in a small repository made for the purpose. */
class ArchitectureRulesTest {
  @TempDir
  Path repo;

  @Test
  void aDomainImportingFabric8OrABackendIsCaught() throws IOException {
    write("sdk-ethereum", "io.chainwright.ethereum", "Node", "import io.fabric8.kubernetes.api.model.Pod;\nimport io.chainwright.compose.ComposeProject;\n");

    assertThat(rules().domainsUseNoPlatformTypes()).hasSize(2)
        .anySatisfy(b -> assertThat(b).contains("Node.java").endsWith("uses io.fabric8.kubernetes.api.model.Pod"))
        .anySatisfy(b -> assertThat(b).endsWith("uses io.chainwright.compose.ComposeProject"));
  }

  @Test
  void aBackendNamingAChainOrImportingADomainIsCaught() throws IOException {
    write("sdk-compose", "io.chainwright.compose", "Plan", "import io.chainwright.fabric.Peer;\n/** Runs geth. */\n");

    assertThat(rules().backendsNameNoChain()).hasSize(2)
        .anySatisfy(b -> assertThat(b).endsWith("uses io.chainwright.fabric.Peer"))
        .anySatisfy(b -> assertThat(b).endsWith("names geth"));
  }

  @Test
  void theApiReachingForAnotherLibraryIsCaught() throws IOException {
    write("sdk-api", "io.chainwright.api", "Model", "import com.fasterxml.jackson.databind.ObjectMapper;\nimport io.fabric8.kubernetes.api.model.Pod;\n");

    assertThat(rules().apiDependsOnItsSmallSet()).singleElement().asString().endsWith("uses io.fabric8.kubernetes.api.model.Pod");
  }

  @Test
  void aCycleBetweenPackagesIsCaughtWhetherImportedOrQualified() throws IOException {
    write("sdk-fabric", "io.chainwright.fabric", "Network", "import io.chainwright.fabric.channel.Genesis;\n");
    write("sdk-fabric", "io.chainwright.fabric.channel", "Genesis", "", "io.chainwright.fabric.policy.Dsl.parse(x);");
    write("sdk-fabric", "io.chainwright.fabric.policy", "Dsl", "import io.chainwright.fabric.Network;\n");
    write("sdk-fabric", "io.chainwright.fabric.client", "Gateway", "import io.chainwright.fabric.Network;\n");

    assertThat(rules().packageCycles())
        .containsExactly("io.chainwright.fabric -> io.chainwright.fabric.channel -> io.chainwright.fabric.policy -> io.chainwright.fabric");
  }

  @Test
  void aLongFileIsCaughtUnlessItsHeaderSaysWhy() throws IOException {
    String longBody = "int x = 0;\n".repeat(ArchitectureRules.MAX_LINES);
    write("sdk-fabric", "io.chainwright.fabric", "Sprawling", "", longBody);
    write("sdk-fabric", "io.chainwright.fabric", "Justified", "/** " + ArchitectureRules.LONG_BECAUSE + " the table is one piece. */\n", longBody);

    assertThat(rules().longFilesWithoutAReason()).singleElement().asString()
        .contains("Sprawling.java").contains("lines and no 'Long because'");
  }

  @Test
  void aCleanTreeHasNoBreach() throws IOException {
    write("sdk-api", "io.chainwright.api", "Model", "import java.util.List;\nimport org.immutables.value.Value;\n");
    write("sdk-ethereum", "io.chainwright.ethereum", "Node", "import io.chainwright.api.Model;\n");
    write("sdk-kubernetes", "io.chainwright.kubernetes", "Renderer", "import io.fabric8.kubernetes.api.model.Pod;\nimport io.chainwright.api.Model;\n");

    ArchitectureRules rules = rules();
    assertThat(rules.domainsUseNoPlatformTypes()).isEmpty();
    assertThat(rules.backendsNameNoChain()).isEmpty();
    assertThat(rules.apiDependsOnItsSmallSet()).isEmpty();
    assertThat(rules.packageCycles()).isEmpty();
    assertThat(rules.longFilesWithoutAReason()).isEmpty();
  }

  private ArchitectureRules rules() {
    return new ArchitectureRules(SourceTree.mainSources(repo));
  }

  private void write(String module, String pkg, String type, String imports) throws IOException {
    write(module, pkg, type, imports, "");
  }

  private void write(String module, String pkg, String type, String imports, String body) throws IOException {
    Path dir = repo.resolve(module).resolve("src/main/java").resolve(pkg.replace('.', '/'));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(type + ".java"),
        "package " + pkg + ";\n\n" + imports + "\nclass " + type + " {\n  void run() { " + body + " }\n}\n");
  }
}
