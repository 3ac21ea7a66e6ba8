package io.chainwright.ethereum.el;

import io.chainwright.api.Container;
import io.chainwright.ethereum.common.ClientFlags;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One execution client's command-line dialect. */
public interface ExecutionFlags extends ClientFlags {
  List<String> args(ExecutionContext c);

  /** The optional settings this client has a flag for. */
  Set<Tuning> tuning();

  /** Where the client serves Prometheus metrics. */
  String metricsPath();

  /** The Prometheus gauge of connected peers. */
  String peerMetric();

  /** True when WebSocket is served on the HTTP port rather than a port of its own. */
  default boolean webSocketOnRpcPort() {
    return false;
  }

  /**
   * The arguments of the client's own offline pruning command, run against the data dir while the
   * client is stopped; empty when the client prunes online only, or not at all in this setting.
   */
  default Optional<List<String>> offlinePruneArgs(ExecutionContext c) {
    return Optional.empty();
  }

  /** A step that writes a custom genesis into the data dir before the client starts, for clients that need one. */
  default Optional<Container> genesisInit(ExecutionContext c) {
    return Optional.empty();
  }
}
