package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import org.immutables.value.Value;

/**
 * The other side of an isolation rule: a workload, a namespace, the monitoring stack, an address
 * range, or a host outside the cluster by its DNS name.
 */
@Value.Immutable
@JsonSerialize(as = TrafficPeer.class)
@JsonDeserialize(as = TrafficPeer.class)
abstract class AbstractTrafficPeer {
  AbstractTrafficPeer() {}

  @Value.Parameter
  public abstract TrafficPeerKind kind();

  /** The workload name, namespace name, CIDR block or host name; empty for monitoring. */
  @Value.Parameter
  @Value.Default
  public String name() {
    return "";
  }

  public static TrafficPeer workload(String name) {
    return TrafficPeer.of(TrafficPeerKind.WORKLOAD, name);
  }

  public static TrafficPeer namespace(String name) {
    return TrafficPeer.of(TrafficPeerKind.NAMESPACE, name);
  }

  /** The namespace Prometheus runs in, whatever its name, found by the monitoring label. */
  public static TrafficPeer monitoring() {
    return TrafficPeer.of(TrafficPeerKind.MONITORING, "");
  }

  public static TrafficPeer cidr(String block) {
    return TrafficPeer.of(TrafficPeerKind.CIDR, block);
  }

  /**
   * A host outside the cluster by its DNS name. A plain NetworkPolicy cannot name a host, so it lets
   * the port out to every address; under {@link IsolationPolicy#cilium()} only the name's
   * addresses.
   */
  public static TrafficPeer host(String name) {
    return TrafficPeer.of(TrafficPeerKind.HOST, name);
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("peer");
    if (!v.require("kind", kind())) {
      v.throwIfAny();
    }
    switch (kind()) {
      case WORKLOAD, NAMESPACE -> v.label("name", name());
      case CIDR -> {
        if (name() == null || !name().matches("[0-9a-fA-F:.]+/\\d{1,3}")) {
          v.add("name", "'" + name() + "' is not a CIDR block such as 10.0.0.0/8");
        }
      }
      case HOST -> v.subdomain("name", name());
      case MONITORING -> {
        if (name() == null || !name().isEmpty()) {
          v.add("name", "the monitoring peer takes no name");
        }
      }
    }
    v.throwIfAny();
  }

  @Override
  public String toString() {
    return kind() == TrafficPeerKind.MONITORING ? "monitoring" : kind().name().toLowerCase(java.util.Locale.ROOT) + " " + name();
  }
}
