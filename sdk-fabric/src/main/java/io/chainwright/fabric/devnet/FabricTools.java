package io.chainwright.fabric.devnet;

import io.chainwright.api.tools.LocalTool;
import io.chainwright.api.tools.LocalToolCatalog;
import io.chainwright.api.tools.LocalTools;
import io.chainwright.fabric.FabricNetwork;
import java.nio.file.Path;
import java.util.List;

/**
 * Fabric's {@code peer} and {@code orderer}, the programs a {@link FabricDevnet} runs, for
 * {@link LocalTools}. They come from a Fabric release archive, whose {@code bin} folder a user puts
 * on {@code PATH} or names as a tools folder.
 */
public final class FabricTools implements LocalToolCatalog {
  private static final String INSTALL = "Install Fabric " + FabricNetwork.FABRIC_VERSION + "'s binaries: unpack hyperledger-fabric-"
      + LocalTool.platform() + "-" + FabricNetwork.FABRIC_VERSION + ".tar.gz from Fabric's releases and use its bin folder.";
  public static final LocalTool PEER = LocalTool.of("peer", INSTALL).withHomeFolders("fabric-samples/bin").withVersionArguments("version");
  public static final LocalTool ORDERER = LocalTool.of("orderer", INSTALL).withHomeFolders("fabric-samples/bin").withVersionArguments("version");

  @Override
  public List<LocalTool> tools() {
    return List.of(PEER, ORDERER);
  }

  /** The peer binary; the exception says where it looked and how to install it. */
  public static Path peer() {
    return LocalTools.system().locate(PEER.program());
  }

  /** The orderer binary; the exception says where it looked and how to install it. */
  public static Path orderer() {
    return LocalTools.system().locate(ORDERER.program());
  }
}
