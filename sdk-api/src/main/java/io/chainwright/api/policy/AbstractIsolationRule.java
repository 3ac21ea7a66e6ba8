package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.List;
import org.immutables.value.Value;

/**
 * One allowed flow: traffic into a workload from a peer, or out of a workload to a peer, on named
 * ports. Ingress ports are the workload's own; egress ports are the peer's (names) or numbers.
 */
@Value.Immutable
@JsonSerialize(as = IsolationRule.class)
@JsonDeserialize(as = IsolationRule.class)
abstract class AbstractIsolationRule {
  AbstractIsolationRule() {}

  public abstract String workload();

  public abstract TrafficDirection direction();

  public abstract TrafficPeer peer();

  /** Port names or numbers; empty allows every port. */
  public abstract List<String> ports();

  /** Lets {@code peer} reach {@code workload} on {@code ports}. */
  public static IsolationRule allowInto(String workload, TrafficPeer peer, String... ports) {
    return IsolationRule.builder().workload(workload).direction(TrafficDirection.INGRESS).peer(peer).addPorts(ports).build();
  }

  /** Lets {@code workload} reach {@code peer} on {@code ports}. */
  public static IsolationRule allowOut(String workload, TrafficPeer peer, String... ports) {
    return IsolationRule.builder().workload(workload).direction(TrafficDirection.EGRESS).peer(peer).addPorts(ports).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("rules", workload());
    v.label("workload", workload());
    v.require("direction", direction());
    v.require("peer", peer());
    v.throwIfAny();
  }
}
