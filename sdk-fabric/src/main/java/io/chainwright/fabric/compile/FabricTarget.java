package io.chainwright.fabric.compile;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where compiled Fabric workloads will run, as far as it changes what they hold: which external
 * builder peers use; whether the services that exist only as images come along, the orgs' CA
 * servers and chaincode servers (a devnet on bare binaries takes its certificates from the SDK, and
 * the caller serves its chaincode); and how soon gossip retries a peer it could not reach, which
 * decides how soon a new channel's orgs find each other.
 */
public record FabricTarget(ExternalBuilder builder, boolean imageServices, Duration gossipReconnect) {
  /** Containers, on Kubernetes or Compose: the peer image's builder, a CA and TLS CA per org, chaincode servers, Fabric's gossip timing. */
  public static FabricTarget containers() {
    return new FabricTarget(ExternalBuilder.peerImage(), true, Duration.ofSeconds(25));
  }

  /**
   * Bare peer and orderer binaries on host processes: the SDK's builder scripts in
   * {@code builderFolder}, nothing else, and gossip retrying every second, since peers on one
   * machine are never far.
   */
  public static FabricTarget hostProcesses(Path builderFolder) {
    return new FabricTarget(ExternalBuilder.scriptsIn(builderFolder), false, Duration.ofSeconds(1));
  }
}
