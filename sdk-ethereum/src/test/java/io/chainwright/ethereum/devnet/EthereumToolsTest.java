package io.chainwright.ethereum.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.tools.LocalTool;
import io.chainwright.api.tools.LocalTools;
import io.chainwright.api.tools.ToolNotFoundException;
import io.chainwright.compose.TestTools;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EthereumToolsTest {
  @Test
  void theCatalogIsFoundOnTheClassPath() {
    assertThat(LocalTools.system().tool("anvil")).contains(EthereumTools.ANVIL);
    assertThat(LocalTools.system().tool("geth")).contains(EthereumTools.GETH);
  }

  @Test
  void anvilIsFoundInTheSdksNpmFolderAndIsTheVersionTheModelPins() {
    TestTools.anvil(); // skips (fails in CI) when the build did not install it
    assertThat(LocalTools.system().version(EthereumTools.anvil()))
        .isPresent().isEqualTo(LocalTool.versionNamedBy(AnvilDevnet.builder().build().image()));
  }

  @Test
  void aMissingAnvilSaysHowToInstallThePinnedVersion() {
    ToolNotFoundException e = LocalTools.of(Map.of("PATH", "/nonexistent")).notFound("anvil");

    assertThat(e.getMessage())
        .contains("npm install @foundry-rs/anvil-linux-amd64@1.7.1")
        .contains("foundryup --install v1.7.1")
        .contains("CHAINWRIGHT_BIN_ANVIL");
    assertThat(e.looked()).anySatisfy(p -> assertThat(p.toString()).endsWith(".foundry/bin/anvil"));
  }
}
