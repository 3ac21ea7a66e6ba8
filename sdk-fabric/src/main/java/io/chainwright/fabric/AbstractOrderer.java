package io.chainwright.fabric;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import org.immutables.value.Value;

/** A Raft orderer node of an orderer organisation; its host name is {@code <name>.<org domain>}. */
@Value.Immutable
@JsonSerialize(as = Orderer.class)
@JsonDeserialize(as = Orderer.class)
abstract class AbstractOrderer {
  public abstract String name();

  /** The port of the broadcast/deliver service and of Raft cluster traffic. */
  @Value.Default
  public int port() {
    return 7050;
  }

  /** The channel participation (admin) API, served with mutual TLS only. */
  @Value.Default
  public int adminPort() {
    return 7053;
  }

  /** The operations endpoint: health and Prometheus metrics. */
  @Value.Default
  public int operationsPort() {
    return 9443;
  }

  /** An orderer called {@code name} with the default ports. */
  public static Orderer of(String name) {
    return Orderer.builder().name(name).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("orderers", name());
    v.label("name", name());
    Ports.check(v, "port", port(), "adminPort", adminPort(), "operationsPort", operationsPort());
    v.throwIfAny();
  }
}
