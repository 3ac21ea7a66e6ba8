package io.chainwright.fabric.compile;

import java.nio.file.Path;

/**
 * Where compiled Fabric workloads will run, as far as it changes what they hold: which external
 * builder peers use, and whether the orgs' CA servers come along (a devnet on bare binaries takes
 * its certificates from the SDK and runs no CA).
 */
public record FabricTarget(ExternalBuilder builder, boolean certificateAuthorities) {
  /** Containers from Fabric's images, on Kubernetes or Compose: the image's builder, and a CA and TLS CA per org. */
  public static FabricTarget containers() {
    return new FabricTarget(ExternalBuilder.peerImage(), true);
  }

  /** Bare peer and orderer binaries on host processes: the SDK's builder scripts in {@code builderFolder}, no CAs. */
  public static FabricTarget hostProcesses(Path builderFolder) {
    return new FabricTarget(ExternalBuilder.scriptsIn(builderFolder), false);
  }
}
