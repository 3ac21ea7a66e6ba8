package io.chainwright.ethereum.probes;

import java.util.Locale;
import java.util.Optional;

/**
 * What the blackbox exporter asks a node, each a module of its generated configuration. The beacon
 * API's routes and answers are those of the standard Beacon API, as Lodestar's API definitions
 * ({@code @lodestar/api} 1.46.0) declare them: counts are decimal strings, names snake_case.
 */
public enum ProbeModule {
  /** {@code eth_syncing} answers {@code false}: the execution client has caught up. */
  EL_SYNCED("synced", "eth_syncing", null, "\"result\"\\s*:\\s*false", null),
  /** {@code net_peerCount} answers a count above zero: the execution client is connected to the network. */
  EL_PEERS("peers", "net_peerCount", null, "\"result\"\\s*:\\s*\"0x[0-9a-fA-F]+\"", "\"result\"\\s*:\\s*\"0x0+\""),
  /** The beacon API's health answers 200 (206 while syncing, 503 when not initialised). */
  CL_HEALTH("health", null, "/eth/v1/node/health", null, null),
  /** The beacon API's peer count has at least one connected peer. */
  CL_PEERS("peers", null, "/eth/v1/node/peer_count", "\"connected\"\\s*:\\s*\"[1-9][0-9]*\"", null);

  private final String suffix;
  private final String rpcMethod;
  private final String beaconPath;
  private final String passesIf;
  private final String failsIf;

  ProbeModule(String suffix, String rpcMethod, String beaconPath, String passesIf, String failsIf) {
    this.suffix = suffix;
    this.rpcMethod = rpcMethod;
    this.beaconPath = beaconPath;
    this.passesIf = passesIf;
    this.failsIf = failsIf;
  }

  /** The module's name in the exporter's configuration, e.g. {@code el_synced}. */
  public String moduleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for a module that asks the execution client's JSON-RPC, false for one that asks the beacon API. */
  public boolean asksExecutionClient() {
    return rpcMethod != null;
  }

  /** The JSON-RPC method the module POSTs, for an execution-client module. */
  Optional<String> rpcMethod() {
    return Optional.ofNullable(rpcMethod);
  }

  /** The beacon API route the module GETs, for a beacon module. */
  Optional<String> beaconPath() {
    return Optional.ofNullable(beaconPath);
  }

  /** A pattern the answer must match to pass, if any beyond status 200. */
  Optional<String> passesIf() {
    return Optional.ofNullable(passesIf);
  }

  /** A pattern that fails the probe when the answer matches it. */
  Optional<String> failsIf() {
    return Optional.ofNullable(failsIf);
  }

  /** The name of the probe of {@code workload} with this module, e.g. {@code mainnet-geth-synced}. */
  public String targetOf(String workload) {
    return workload + "-" + suffix;
  }
}
