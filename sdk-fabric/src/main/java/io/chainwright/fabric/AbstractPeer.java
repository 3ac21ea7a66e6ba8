package io.chainwright.fabric;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import org.immutables.value.Value;

/** A peer of a peer organisation; its host name is {@code <name>.<org domain>}. */
@Value.Immutable
@JsonSerialize(as = Peer.class)
@JsonDeserialize(as = Peer.class)
abstract class AbstractPeer {
  public abstract String name();

  @Value.Default
  public StateDatabase stateDatabase() {
    return StateDatabase.LEVELDB;
  }

  /** The port of the endorser, deliver, gossip and gateway services. */
  @Value.Default
  public int port() {
    return 7051;
  }

  /** The port chaincodes that the peer launches call back on. */
  @Value.Default
  public int chaincodePort() {
    return 7052;
  }

  /** The operations endpoint: health and Prometheus metrics. */
  @Value.Default
  public int operationsPort() {
    return 9443;
  }

  /** A LevelDB peer called {@code name} with the default ports. */
  public static Peer of(String name) {
    return Peer.builder().name(name).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("peers", name());
    v.label("name", name());
    v.require("stateDatabase", stateDatabase());
    Ports.check(v, "port", port(), "chaincodePort", chaincodePort(), "operationsPort", operationsPort());
    v.throwIfAny();
  }
}
