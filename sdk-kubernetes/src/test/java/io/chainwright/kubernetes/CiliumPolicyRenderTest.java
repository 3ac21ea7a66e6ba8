package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.Reach;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An outside host a workload reaches by name: every address on its port for a plain NetworkPolicy, the name alone under Cilium. */
class CiliumPolicyRenderTest {
  private static Network network(boolean cilium) {
    return Network.builder().name("relay")
        .addWorkload(Workload.builder().name("relay")
            .addContainer(Container.builder().name("relay").image(Image.of("example/relay:1")).build())
            .addReaches(Reach.url(URI.create("https://rpc.example.org"))).build())
        .isolation(IsolationPolicy.builder().cilium(cilium).build())
        .build();
  }

  private static List<HasMetadata> render(Network network) {
    return KubernetesBackend.create().render(network).objects();
  }

  private static NetworkPolicy named(List<HasMetadata> objects, String name) {
    return objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
        .filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aPlainNetworkPolicyLetsTheHostsPortOutToEveryAddress() {
    List<HasMetadata> objects = render(network(false));

    var egress = named(objects, "relay-allow-egress").getSpec().getEgress();
    assertThat(egress).singleElement().satisfies(rule -> {
      assertThat(rule.getTo()).singleElement().satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("0.0.0.0/0"));
      assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsOnly(443);
    });
    assertThat(objects).noneMatch(o -> o.getKind().equals("CiliumNetworkPolicy"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void underCiliumTheHostIsAllowedByNameAndItsLookupsGoThroughTheDnsProxy() {
    List<HasMetadata> objects = render(network(true));

    assertThat(objects).filteredOn(NetworkPolicy.class::isInstance).extracting(o -> o.getMetadata().getName())
        .as("no NetworkPolicy lets the port out to every address").doesNotContain("relay-allow-egress");
    List<GenericKubernetesResource> cilium = objects.stream().filter(GenericKubernetesResource.class::isInstance)
        .map(GenericKubernetesResource.class::cast).filter(o -> o.getKind().equals("CiliumNetworkPolicy")).toList();
    assertThat(cilium).extracting(o -> o.getMetadata().getName()).containsExactly("allow-dns-by-name", "relay-allow-hosts");
    Map<String, Object> spec = (Map<String, Object>) cilium.get(1).getAdditionalProperties().get("spec");
    assertThat(spec.get("endpointSelector")).isEqualTo(Map.of("matchLabels", Map.of("chainwright.io/network", "relay",
        "chainwright.io/workload", "relay")));
    assertThat(spec.get("egress")).isEqualTo(List.of(Map.of("toFQDNs", List.of(Map.of("matchName", "rpc.example.org")),
        "toPorts", List.of(Map.of("ports", List.of(Map.of("port", "443", "protocol", "ANY")))))));
    Map<String, Object> dns = (Map<String, Object>) cilium.get(0).getAdditionalProperties().get("spec");
    assertThat(dns.toString()).contains("kube-dns", "matchPattern=*", "port=53");
  }
}
