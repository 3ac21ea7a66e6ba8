package io.chainwright.ethereum.probes;

import java.util.Locale;

/** What the blackbox exporter asks a node, each a module of its generated configuration. */
public enum ProbeModule {
  /** {@code eth_syncing} answers {@code false}: the execution client has caught up. */
  EL_SYNCED("eth_syncing", "synced"),
  /** {@code net_peerCount} answers more than none: the execution client is connected to the network. */
  EL_PEERS("net_peerCount", "peers"),
  /** The beacon API's health answers 200 (206 while syncing, 503 when not initialised). */
  CL_HEALTH(null, "health");

  private final String method;
  private final String suffix;

  ProbeModule(String method, String suffix) {
    this.method = method;
    this.suffix = suffix;
  }

  /** The module's name in the exporter's configuration, e.g. {@code el_synced}. */
  public String moduleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The JSON-RPC method the module calls, or null for the beacon API's health. */
  String method() {
    return method;
  }

  /** The name of the probe of {@code workload} with this module, e.g. {@code mainnet-geth-synced}. */
  public String targetOf(String workload) {
    return workload + "-" + suffix;
  }
}
