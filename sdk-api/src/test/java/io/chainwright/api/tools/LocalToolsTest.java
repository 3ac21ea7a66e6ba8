package io.chainwright.api.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalToolsTest {
  private static final LocalTool DEVNODE = LocalTool.of("devnode", "Install devnode 1.2.3 with npm.")
      .withNpmBinaries("@example/devnode/bin/devnode").withHomeFolders(".devnode/bin");

  @TempDir Path root;

  @Test
  void looksInEachPlaceInOrderAndTakesTheFirstExecutable() throws IOException {
    Path project = Files.createDirectories(root.resolve("project/module"));
    Path home = Files.createDirectories(root.resolve("home"));
    Path inHome = executable(home.resolve(".devnode/bin/devnode"), "");
    assertThat(tools(Map.of(), List.of(), project, home).find("devnode")).contains(inHome);

    Path inSdkNpm = executable(root.resolve("project/sdk-compose/node_modules/@example/devnode/bin/devnode"), "");
    assertThat(tools(Map.of(), List.of(), project, home).find("devnode")).contains(inSdkNpm);

    Path onPath = executable(root.resolve("path/devnode"), "");
    assertThat(tools(Map.of("PATH", root.resolve("path").toString()), List.of(), project, home).find("devnode")).contains(onPath);

    Path inFolder = executable(root.resolve("tools/bin/devnode"), "");
    assertThat(tools(Map.of("PATH", root.resolve("path").toString()), List.of(root.resolve("tools")), project, home).find("devnode"))
        .contains(inFolder);

    Path named = executable(root.resolve("elsewhere/devnode-1.2.3"), "");
    assertThat(tools(Map.of("CHAINWRIGHT_BIN_DEVNODE", named.toString()), List.of(root.resolve("tools")), project, home)
        .find("devnode")).contains(named);
  }

  @Test
  void skipsFilesThatCannotRun() throws IOException {
    Path path = Files.createDirectories(root.resolve("path"));
    Files.writeString(path.resolve("devnode"), "not a program");
    Path later = executable(root.resolve("tools/devnode"), "");

    assertThat(tools(Map.of("PATH", path.toString()), List.of(root.resolve("tools")), root, root).find("devnode")).contains(later);
    assertThat(tools(Map.of("PATH", path.toString()), List.of(), root, root).find("devnode")).isEmpty();
  }

  @Test
  void aMissingToolSaysWhereItLookedAndHowToInstallIt() {
    LocalTools tools = tools(Map.of("PATH", root.resolve("path").toString()), List.of(root.resolve("tools")), root, root);

    assertThatThrownBy(() -> tools.locate("devnode"))
        .isInstanceOf(ToolNotFoundException.class)
        .hasMessageStartingWith("devnode not found; looked in:\n  " + root.resolve("tools/devnode"))
        .hasMessageContaining(root.resolve("tools/bin/devnode").toString())
        .hasMessageContaining(root.resolve("path/devnode").toString())
        .hasMessageContaining(root.resolve("node_modules/@example/devnode/bin/devnode").toString())
        .hasMessageContaining("Install devnode 1.2.3 with npm.")
        .hasMessageContaining("CHAINWRIGHT_BIN_DEVNODE")
        .hasMessageContaining("-Dchainwright.toolsDir");
  }

  @Test
  void anUnknownProgramIsLookedForOnlyWhereItsNameCanBe() {
    List<Path> candidates = tools(Map.of("PATH", "/opt/a:/opt/b"), List.of(), root, root).candidates("other");

    assertThat(candidates).containsExactly(Path.of("/opt/a/other"), Path.of("/opt/b/other"));
  }

  @Test
  void readsTheVersionAProgramPrints() throws IOException {
    Path devnode = executable(root.resolve("devnode"), "echo 'devnode Version: 1.2.3-rc1'; echo 'Commit SHA: 4072e48'");
    Path silent = executable(root.resolve("silent"), "true");
    LocalTools tools = tools(Map.of(), List.of(), root, root);

    assertThat(tools.version(devnode)).contains("1.2.3-rc1");
    assertThat(tools.version(silent)).isEmpty();
    assertThat(tools.version(root.resolve("absent"))).isEmpty();
  }

  private static LocalTools tools(Map<String, String> env, List<Path> folders, Path workingDir, Path home) {
    return new LocalTools(env, folders, workingDir, home, List.of(DEVNODE));
  }

  private static Path executable(Path file, String script) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
