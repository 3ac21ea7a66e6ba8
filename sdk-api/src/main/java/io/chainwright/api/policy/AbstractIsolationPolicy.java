package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * Network isolation: deny all traffic by default, then allow listed flows. DNS lookups stay
 * allowed whenever egress is restricted, or nothing resolves.
 */
@Value.Immutable
@JsonSerialize(as = IsolationPolicy.class)
@JsonDeserialize(as = IsolationPolicy.class)
abstract class AbstractIsolationPolicy {
  @Value.Default
  public boolean defaultDeny() {
    return true;
  }

  @Value.Default
  public boolean allowDnsEgress() {
    return true;
  }

  public abstract List<IsolationRule> rules();

  /**
   * Where ports that leave the network may be reached from, e.g. the namespace of the gateway's
   * proxies; from anywhere when empty. With default deny only.
   */
  public abstract List<TrafficPeer> publishedFrom();

  /** Default deny with DNS allowed, and these rules. */
  public static IsolationPolicy denyAllExcept(IsolationRule... rules) {
    return IsolationPolicy.builder().addRules(rules).build();
  }
}
