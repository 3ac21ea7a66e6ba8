package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Network isolation. Every namespace a network uses denies all traffic, in and out, unless it is
 * opened by name; then the flows the network needs are allowed (see {@link Flows}), and these
 * rules besides. DNS lookups stay allowed, or nothing resolves.
 *
 * <pre>{@code
 * IsolationPolicy.denyAllExcept(IsolationRule.allowInto("rpc", TrafficPeer.namespace("wallets"), "rpc"))
 * IsolationPolicy.leaveOpen("gpu-operator")   // the GPU Operator's own pods run there
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = IsolationPolicy.class)
@JsonDeserialize(as = IsolationPolicy.class)
abstract class AbstractIsolationPolicy {
  /**
   * Namespaces left without default deny, each named on purpose: the network's own, or one it
   * places objects in for software it does not run, such as the GPU Operator's.
   */
  public abstract Set<String> openNamespaces();

  @Value.Default
  public boolean allowDnsEgress() {
    return true;
  }

  /**
   * The cluster enforces policies with Cilium: outside hosts the network reaches by name are then
   * allowed by name (a {@code CiliumNetworkPolicy} with {@code toFQDNs}, learnt through Cilium's DNS
   * proxy), not as every address on their port, which is all a plain NetworkPolicy can say.
   */
  @Value.Default
  public boolean cilium() {
    return false;
  }

  /** Flows allowed besides those the network needs. */
  public abstract List<IsolationRule> rules();

  /**
   * Where ports that leave the network may be reached from, e.g. the namespace of the gateway's
   * proxies; from anywhere when empty. In a namespace that denies by default only.
   */
  public abstract List<TrafficPeer> publishedFrom();

  /** True when {@code namespace} denies all traffic but what is allowed. */
  public boolean deniesByDefault(String namespace) {
    return !openNamespaces().contains(namespace);
  }

  /** Default deny with DNS allowed, the flows the network needs, and these rules. */
  public static IsolationPolicy denyAllExcept(IsolationRule... rules) {
    return IsolationPolicy.builder().addRules(rules).build();
  }

  /** Default deny everywhere but in {@code namespaces}, named on purpose. */
  public static IsolationPolicy leaveOpen(String... namespaces) {
    return IsolationPolicy.builder().addOpenNamespaces(namespaces).build();
  }
}
