package io.chainwright.fabric.compile;

import java.nio.file.Path;

/**
 * Where compiled Fabric workloads will run, as far as it changes what they hold: which external
 * builder peers use, and whether the services that exist only as images come along, the orgs' CA
 * servers and chaincode servers. A devnet on bare binaries takes its certificates from the SDK and
 * the caller serves its chaincode.
 */
public record FabricTarget(ExternalBuilder builder, boolean imageServices) {
  /** Containers, on Kubernetes or Compose: the peer image's builder, a CA and TLS CA per org, and chaincode servers. */
  public static FabricTarget containers() {
    return new FabricTarget(ExternalBuilder.peerImage(), true);
  }

  /** Bare peer and orderer binaries on host processes: the SDK's builder scripts in {@code builderFolder}, nothing else. */
  public static FabricTarget hostProcesses(Path builderFolder) {
    return new FabricTarget(ExternalBuilder.scriptsIn(builderFolder), false);
  }
}
