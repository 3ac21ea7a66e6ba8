package io.chainwright.fabric.compile;

import io.chainwright.fabric.chaincode.CcaasBuilder;
import java.nio.file.Path;

/**
 * The external builder compiled peers hand chaincode-as-a-service packages to: the one Fabric's
 * peer image ships, or the SDK's own scripts ({@link CcaasBuilder}) written to a folder, for peers
 * run as bare binaries.
 */
public record ExternalBuilder(String name, String path) {
  /** The builder inside Fabric's peer image (2.4 and later). */
  public static ExternalBuilder peerImage() {
    return new ExternalBuilder("ccaas_builder", "/opt/hyperledger/ccaas_builder");
  }

  /** The SDK's own builder, whose scripts {@link CcaasBuilder#writeTo} wrote to {@code folder}. */
  public static ExternalBuilder scriptsIn(Path folder) {
    return new ExternalBuilder(CcaasBuilder.NAME, folder.toAbsolutePath().toString());
  }
}
