package io.chainwright.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How far a port is reachable: inside the network only, by peers, on every node, through a load
 * balancer or through an HTTP ingress. The family is closed, so a {@code switch} over its four
 * types needs no default.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = InternalExposure.class, name = "internal"),
  @JsonSubTypes.Type(value = NodePortExposure.class, name = "node-port"),
  @JsonSubTypes.Type(value = LoadBalancerExposure.class, name = "load-balancer"),
  @JsonSubTypes.Type(value = IngressExposure.class, name = "ingress")
})
public sealed interface Exposure permits AbstractInternalExposure, AbstractNodePortExposure, AbstractLoadBalancerExposure, AbstractIngressExposure {
  /** True when callers outside the network can reach the port. */
  boolean leavesNetwork();

  /** Reachable only from inside the network, through a cluster-internal address. */
  static Exposure internal() {
    return InternalExposure.builder().build();
  }

  /** Reachable inside the network at each replica's own stable address, for peer discovery. */
  static Exposure headless() {
    return InternalExposure.builder().headless(true).build();
  }

  /** Published on every node at a port the platform picks, traffic kept on the receiving node. */
  static Exposure nodePort() {
    return NodePortExposure.builder().build();
  }

  /** Published on every node at a fixed port (30000-32767), traffic kept on the receiving node. */
  static Exposure nodePort(int nodePort) {
    return NodePortExposure.builder().nodePort(nodePort).build();
  }

  /** Published through a cloud load balancer. */
  static Exposure loadBalancer() {
    return LoadBalancerExposure.builder().build();
  }
}
