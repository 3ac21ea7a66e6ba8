package io.chainwright.ethereum.devnet;

import io.chainwright.api.Image;
import io.chainwright.api.tools.LocalTool;
import io.chainwright.api.tools.LocalToolCatalog;
import io.chainwright.api.tools.LocalTools;
import io.chainwright.ethereum.el.ExecutionClient;
import java.nio.file.Path;
import java.util.List;

/**
 * The Ethereum programs host devnets run, for {@link LocalTools}: anvil (from its npm package or
 * Foundry's installer) and geth. Each install hint names the version the model's default image pins.
 *
 * <pre>{@code
 * HostRuntime runtime = HostRuntime.builder().binary("anvil", EthereumTools.anvil()).build();
 * }</pre>
 */
public final class EthereumTools implements LocalToolCatalog {
  /** anvil, as the default {@link AnvilDevnet} image pins it. */
  public static final LocalTool ANVIL = anvilTool(version(AnvilDevnet.builder().build().image()));
  /** geth, as {@link ExecutionClient#GETH}'s default image pins it. */
  public static final LocalTool GETH = LocalTool.of("geth", "Install geth " + version(Image.of(ExecutionClient.GETH.defaultImage()))
      + " from go-ethereum's release downloads.");

  @Override
  public List<LocalTool> tools() {
    return List.of(ANVIL, GETH);
  }

  /** The anvil binary, found where {@link LocalTools#system()} looks; the exception says how to install it. */
  public static Path anvil() {
    return LocalTools.system().locate(ANVIL.program());
  }

  /** The geth binary, found where {@link LocalTools#system()} looks; the exception says how to install it. */
  public static Path geth() {
    return LocalTools.system().locate(GETH.program());
  }

  private static LocalTool anvilTool(String version) {
    String npmPackage = "@foundry-rs/anvil-" + LocalTool.platform();
    return LocalTool.of("anvil", "Install anvil " + version + ": npm install " + npmPackage + "@" + version
            + " (found in ./node_modules), or foundryup --install v" + version + " (found in ~/.foundry/bin).")
        .withNpmBinaries(npmPackage + "/bin/anvil")
        .withHomeFolders(".foundry/bin");
  }

  private static String version(Image image) {
    return LocalTool.versionNamedBy(image).orElse("(any)");
  }
}
