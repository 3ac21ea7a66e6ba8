package io.chainwright.examples;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Decides, as the NetworkPolicy API defines it, whether one pod may open a connection to a port of
 * another: a pod that some policy selects for a direction is isolated in that direction, and then
 * only what a rule of those policies lists gets through, on both ends. Address blocks are taken to
 * match no pod, since CNIs differ there; pod-to-pod flows must be allowed by selectors.
 */
final class PolicyVerdicts {
  /** A pod as policies see it: its namespace, labels and declared ports. */
  record Pod(String namespace, Map<String, String> labels, PodSpec spec) {
    /** The number of the port called {@code name}, or -1. */
    int port(String name) {
      return Stream.concat(Stream.ofNullable(spec.getContainers()).flatMap(List::stream),
              Stream.ofNullable(spec.getInitContainers()).flatMap(List::stream))
          .flatMap(c -> Stream.ofNullable(c.getPorts()).flatMap(List::stream))
          .filter(p -> name.equals(p.getName())).mapToInt(ContainerPort::getContainerPort).findFirst().orElse(-1);
    }
  }

  private final List<NetworkPolicy> policies;
  private final List<GenericKubernetesResource> ciliumPolicies;
  private final Map<String, Map<String, String>> namespaceLabels;

  PolicyVerdicts(List<NetworkPolicy> policies, List<GenericKubernetesResource> ciliumPolicies,
      Map<String, Map<String, String>> namespaceLabels) {
    this.policies = policies;
    this.ciliumPolicies = ciliumPolicies;
    this.namespaceLabels = namespaceLabels;
  }

  /** True when {@code from} may reach {@code port}/{@code protocol} of {@code to}. */
  boolean allows(Pod from, Pod to, int port, String protocol) {
    return egressAllows(from, to, port, protocol) && ingressAllows(from, to, port, protocol);
  }

  /**
   * True when {@code from} may open a connection to {@code port} of {@code host}, outside the
   * cluster: by a Cilium policy that names the host ({@code toFQDNs} {@code matchName}, any
   * protocol), or by a NetworkPolicy that lets the port out to {@code ip}, an address of it.
   */
  boolean allowsOut(Pod from, String host, String ip, int port, String protocol) {
    return ciliumAllowsHost(from, host, port) || allowsOut(from, ip, port, protocol);
  }

  @SuppressWarnings("unchecked")
  private boolean ciliumAllowsHost(Pod from, String host, int port) {
    return ciliumPolicies.stream().filter(p -> from.namespace().equals(p.getMetadata().getNamespace())).anyMatch(p -> {
      Map<String, Object> spec = (Map<String, Object>) p.getAdditionalProperties().get("spec");
      Map<String, Object> selector = (Map<String, Object>) spec.get("endpointSelector");
      Map<String, String> labels = (Map<String, String>) selector.getOrDefault("matchLabels", Map.of());
      if (!from.labels().entrySet().containsAll(labels.entrySet())) {
        return false;
      }
      return ((List<Map<String, Object>>) spec.getOrDefault("egress", List.of())).stream().anyMatch(rule ->
          ((List<Map<String, Object>>) rule.getOrDefault("toFQDNs", List.of())).stream().anyMatch(f -> host.equals(f.get("matchName")))
              && (!rule.containsKey("toPorts") || ((List<Map<String, Object>>) rule.get("toPorts")).stream()
                  .flatMap(r -> ((List<Map<String, Object>>) r.get("ports")).stream()).anyMatch(pp -> String.valueOf(port).equals(pp.get("port")))));
    });
  }

  private boolean allowsOut(Pod from, String ip, int port, String protocol) {
    List<NetworkPolicy> isolating = isolating(from, "Egress");
    return isolating.isEmpty() || isolating.stream().flatMap(p -> Stream.ofNullable(p.getSpec().getEgress()).flatMap(List::stream))
        .anyMatch(rule -> (rule.getTo() == null || rule.getTo().isEmpty()
                || rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null && inBlock(ip, peer.getIpBlock().getCidr())
                    && Stream.ofNullable(peer.getIpBlock().getExcept()).flatMap(List::stream).noneMatch(e -> inBlock(ip, e))))
            && portsMatch(rule.getPorts(), null, port, protocol));
  }

  private static boolean inBlock(String ip, String cidr) {
    String[] parts = cidr.split("/");
    int bits = Integer.parseInt(parts[1]);
    long mask = bits == 0 ? 0 : 0xffffffffL << (32 - bits) & 0xffffffffL;
    return (ipv4(ip) & mask) == (ipv4(parts[0]) & mask);
  }

  private static long ipv4(String address) {
    long value = 0;
    for (String octet : address.split("\\.")) {
      value = value << 8 | Integer.parseInt(octet);
    }
    return value;
  }

  /** True when {@code to} lets {@code from} in on {@code port}, whatever {@code from}'s own egress policies say. */
  boolean ingressAllows(Pod from, Pod to, int port, String protocol) {
    List<NetworkPolicy> isolating = isolating(to, "Ingress");
    return isolating.isEmpty() || isolating.stream().flatMap(p -> Stream.ofNullable(p.getSpec().getIngress()).flatMap(List::stream)
        .filter(rule -> peersMatch(rule.getFrom(), p.getMetadata().getNamespace(), from)
            && portsMatch(rule.getPorts(), to, port, protocol))).findAny().isPresent();
  }

  private boolean egressAllows(Pod from, Pod to, int port, String protocol) {
    List<NetworkPolicy> isolating = isolating(from, "Egress");
    return isolating.isEmpty() || isolating.stream().flatMap(p -> Stream.ofNullable(p.getSpec().getEgress()).flatMap(List::stream)
        .filter(rule -> peersMatch(rule.getTo(), p.getMetadata().getNamespace(), to)
            && portsMatch(rule.getPorts(), to, port, protocol))).findAny().isPresent();
  }

  private List<NetworkPolicy> isolating(Pod pod, String direction) {
    return policies.stream()
        .filter(p -> pod.namespace().equals(p.getMetadata().getNamespace()))
        .filter(p -> types(p).contains(direction))
        .filter(p -> matches(p.getSpec().getPodSelector(), pod.labels()))
        .toList();
  }

  /** Policy types default to Ingress, plus Egress when egress rules are given. */
  private static List<String> types(NetworkPolicy p) {
    if (p.getSpec().getPolicyTypes() != null && !p.getSpec().getPolicyTypes().isEmpty()) {
      return p.getSpec().getPolicyTypes();
    }
    return p.getSpec().getEgress() == null || p.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
  }

  private boolean peersMatch(List<NetworkPolicyPeer> peers, String policyNamespace, Pod other) {
    if (peers == null || peers.isEmpty()) {
      return true;
    }
    return peers.stream().anyMatch(peer -> {
      if (peer.getIpBlock() != null) {
        return false;
      }
      boolean namespaceOk = peer.getNamespaceSelector() == null
          ? other.namespace().equals(policyNamespace)
          : matches(peer.getNamespaceSelector(), namespaceLabels.getOrDefault(other.namespace(), Map.of()));
      boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), other.labels());
      return namespaceOk && podOk;
    });
  }

  private static boolean portsMatch(List<NetworkPolicyPort> ports, Pod destination, int port, String protocol) {
    if (ports == null || ports.isEmpty()) {
      return true;
    }
    return ports.stream().anyMatch(p -> {
      if (!Objects.requireNonNullElse(p.getProtocol(), "TCP").equals(protocol)) {
        return false;
      }
      IntOrString number = p.getPort();
      if (number == null) {
        return true;
      }
      int first = number.getIntVal() != null ? number.getIntVal() : destination.port(number.getStrVal());
      int last = p.getEndPort() != null ? p.getEndPort() : first;
      return port >= first && port <= last;
    });
  }

  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    boolean plain = selector.getMatchLabels() == null
        || selector.getMatchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    return plain && Stream.ofNullable(selector.getMatchExpressions()).flatMap(List::stream).allMatch(r -> holds(r, labels));
  }

  private static boolean holds(LabelSelectorRequirement r, Map<String, String> labels) {
    String value = labels.get(r.getKey());
    return switch (r.getOperator()) {
      case "In" -> value != null && r.getValues().contains(value);
      case "NotIn" -> value == null || !r.getValues().contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> throw new IllegalArgumentException("no such selector operator: " + r.getOperator());
    };
  }
}
