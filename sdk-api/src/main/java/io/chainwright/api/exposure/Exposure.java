package io.chainwright.api.exposure;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/**
 * How far a port is reachable: inside the network only, by peers, on every node, through a load
 * balancer, or at a host name through a Gateway API gateway or an ingress. The family is closed, so
 * a {@code switch} over its five types needs no default.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = InternalExposure.class, name = "internal"),
  @JsonSubTypes.Type(value = NodePortExposure.class, name = "node-port"),
  @JsonSubTypes.Type(value = LoadBalancerExposure.class, name = "load-balancer"),
  @JsonSubTypes.Type(value = GatewayExposure.class, name = "gateway"),
  @JsonSubTypes.Type(value = IngressExposure.class, name = "ingress")
})
public sealed interface Exposure
    permits AbstractInternalExposure, AbstractNodePortExposure, AbstractLoadBalancerExposure, AbstractGatewayExposure, AbstractIngressExposure {
  /** True when callers outside the network can reach the port. */
  boolean leavesNetwork();

  /**
   * The host name callers use when a proxy (a gateway or an ingress) publishes the port; the port
   * itself is then reached only through that proxy. Empty for the other exposures.
   */
  default Optional<String> publicHost() {
    return Optional.empty();
  }

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

  /** Published as HTTP at {@code host} through the Gateway API gateway named {@code gateway}, TLS ended there. */
  static Exposure gateway(String gateway, String host) {
    return GatewayExposure.builder().gateway(gateway).host(host).build();
  }
}
