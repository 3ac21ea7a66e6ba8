package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.exposure.Exposure;
import org.immutables.value.Value;

/** A named port a container listens on, and how far it is exposed. */
@Value.Immutable
@JsonSerialize(as = Port.class)
@JsonDeserialize(as = Port.class)
abstract class AbstractPort {
  /** The port's name (at most 15 characters), used by services, probes and policies. */
  public abstract String name();

  public abstract int number();

  @Value.Default
  public Protocol protocol() {
    return Protocol.TCP;
  }

  /** Internal unless stated otherwise. */
  @Value.Default
  public Exposure exposure() {
    return Exposure.internal();
  }

  /**
   * Marks a port that must never leave the network, such as an Engine API or an admin endpoint.
   * Exposing it is a validation error.
   */
  @Value.Default
  public boolean internalOnly() {
    return false;
  }

  /** A TCP port, internal to the network. */
  public static Port tcp(String name, int number) {
    return Port.builder().name(name).number(number).build();
  }

  /** A UDP port, internal to the network. */
  public static Port udp(String name, int number) {
    return Port.builder().name(name).number(number).protocol(Protocol.UDP).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("ports", name());
    if (v.require("name", name())) {
      Names.portNameProblem(name()).ifPresent(p -> v.add("name", p));
    }
    v.range("number", number(), 1, 65535, "a port");
    v.require("protocol", protocol());
    if (v.require("exposure", exposure()) && internalOnly() && exposure().leavesNetwork()) {
      v.add("exposure", "this port is internal-only (an Engine API or admin endpoint) and must not leave the network");
    }
    v.throwIfAny();
  }
}
