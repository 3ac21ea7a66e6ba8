package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.exposure.GatewayExposure;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.StorageClass;
import io.chainwright.api.policy.TenantQuota;
import io.chainwright.api.policy.TrafficPeer;
import io.chainwright.api.tenant.Tenancy;
import io.chainwright.api.tenant.Tenant;
import io.chainwright.api.tenant.TenantPlan;
import io.chainwright.api.tenant.TenantPlatform;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.VolumeMount;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two tenants on one cluster, rendered: nothing of one lets the other in, and each gets its plan and its administrators. */
class TenantIsolationTest {
  private static final TenantPlatform PLATFORM = TenantPlatform.builder().gateway("public").gatewayNamespace("gateway-system")
      .proxyNamespace("envoy-gateway-system").build();
  private static final Set<String> SHARED = Set.of("envoy-gateway-system");

  private static Workload node(String host) {
    return Workload.builder().name("node").kind(WorkloadKind.STATEFUL)
        .addContainer(Container.builder().name("node").image(Image.of("example/node:1.0"))
            .resources(Resources.builder().cpuRequest("2").memoryRequest("8Gi").build())
            .addPort(Port.builder().name("rpc").number(8545).exposure(GatewayExposure.builder().gateway("public")
                .gatewayNamespace("gateway-system").host(host).build()).build())
            .addPort(Port.tcp("p2p", 30303))
            .addPort(Port.tcp("metrics", 6060))
            .addMount(VolumeMount.of("data", "/data"))
            .build())
        .addVolume(DataVolume.builder().name("data").size("500Gi").storageClass("fast").build())
        .metrics(MetricsEndpoint.of("metrics", "/metrics"))
        .build();
  }

  private static Tenancy tenancy() {
    TenantPlan starter = TenantPlan.of("starter", TenantQuota.builder().cpu("4").memory("16Gi").storage("1Ti")
        .putStorageClassLimit("fast", "1Ti").persistentVolumeClaims(4).defaultCpuLimit("1").defaultMemoryRequest("256Mi").build());
    TenantPlan dedicated = TenantPlan.of("dedicated", TenantQuota.builder().cpu("32").memory("128Gi").storage("20Ti").gpus(2).build());
    Network acme = Network.builder().name("acme-rpc").addWorkload(node("rpc.acme.example"))
        .addStorageClass(StorageClass.existing("fast"))
        // The tenant's own rule: its node talks to peers of its own network only.
        .isolation(IsolationPolicy.denyAllExcept(IsolationRule.allowInto("node", TrafficPeer.workload("node"), "p2p")))
        .build();
    Network globex = Network.builder().name("globex-rpc").addWorkload(node("rpc.globex.example"))
        .addStorageClass(StorageClass.existing("fast")).build();
    return Tenancy.builder().platform(PLATFORM)
        .addTenants(Tenant.builder().name("acme").plan(starter).owner("ops@acme.example").addAdminGroups("acme-admins")
                .addNetworks(acme).build(),
            Tenant.builder().name("globex").plan(dedicated).owner("sre@globex.example").addAdminGroups("globex-admins")
                .addNetworks(globex).build())
        .build();
  }

  private static List<HasMetadata> render(Network network) {
    return KubernetesBackend.create().render(network).objects();
  }

  private static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void noNetworkPolicyLetsOneTenantsPodsReachAnothers() {
    for (Network network : tenancy().networks()) {
      List<NetworkPolicy> policies = of(render(network), NetworkPolicy.class);
      assertThat(policies).extracting(p -> p.getMetadata().getName()).contains("default-deny");
      for (NetworkPolicy policy : policies) {
        policy.getSpec().getIngress().forEach(rule -> {
          assertThat(rule.getFrom()).as(policy.getMetadata().getName() + " admits every source").isNotEmpty();
          rule.getFrom().forEach(peer -> assertThat(admits(peer, network.namespace()))
              .as(network.name() + " " + policy.getMetadata().getName() + " " + peer).isTrue());
        });
      }
    }
  }

  /** A peer admits only the network's own pods, the monitoring namespace, or the gateway's proxies. */
  private static boolean admits(NetworkPolicyPeer peer, String own) {
    if (peer.getIpBlock() != null) {
      return false;
    }
    if (peer.getNamespaceSelector() == null) {
      return peer.getPodSelector() != null; // pods of the policy's own namespace
    }
    Map<String, String> labels = peer.getNamespaceSelector().getMatchLabels();
    if (labels == null || labels.isEmpty()) {
      return false; // every namespace
    }
    return labels.equals(Map.of("chainwright.io/monitoring", "true"))
        || SHARED.contains(labels.get("kubernetes.io/metadata.name")) || own.equals(labels.get("kubernetes.io/metadata.name"));
  }

  @Test
  void eachTenantsNamespaceIsRestrictedLabelledAndHeldToItsPlan() {
    List<HasMetadata> acme = render(tenancy().networks().get(0));

    Namespace namespace = of(acme, Namespace.class).get(0);
    assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted")
        .containsEntry("chainwright.io/tenant", "acme");
    assertThat(namespace.getMetadata().getAnnotations()).containsEntry("chainwright.io/owner", "ops@acme.example");
    ResourceQuota quota = of(acme, ResourceQuota.class).get(0);
    assertThat(quota.getSpec().getHard()).containsKeys("requests.cpu", "requests.memory", "requests.storage",
        "fast.storageclass.storage.k8s.io/requests.storage", "persistentvolumeclaims");
    assertThat(quota.getSpec().getHard().get("requests.cpu").toString()).isEqualTo("4");
    LimitRange defaults = of(acme, LimitRange.class).get(0);
    assertThat(defaults.getSpec().getLimits().get(0).getDefault().get("cpu").toString()).isEqualTo("1");
    assertThat(defaults.getSpec().getLimits().get(0).getDefaultRequest().get("memory").toString()).isEqualTo("256Mi");
    assertThat(of(render(tenancy().networks().get(1)), ResourceQuota.class).get(0).getSpec().getHard().get("requests.cpu")
        .toString()).as("the other tenant's plan").isEqualTo("32");
  }

  @Test
  void theTenantsAdministratorsMayLookAndRestartButNeverReadSecrets() {
    List<HasMetadata> acme = render(tenancy().networks().get(0));

    RoleBinding binding = of(acme, RoleBinding.class).stream().filter(b -> b.getMetadata().getName().equals("network-admins"))
        .findFirst().orElseThrow();
    assertThat(binding.getMetadata().getNamespace()).isEqualTo("acme-rpc");
    assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
      assertThat(s.getKind()).isEqualTo("Group");
      assertThat(s.getName()).isEqualTo("acme-admins");
    });
    Role role = of(acme, Role.class).stream().filter(r -> r.getMetadata().getName().equals("network-admins")).findFirst().orElseThrow();
    assertThat(role.getRules()).noneMatch(rule -> rule.getResources().contains("secrets") || rule.getResources().contains("*"));
    assertThat(role.getRules()).anySatisfy(rule -> {
      assertThat(rule.getResources()).containsExactly("pods");
      assertThat(rule.getVerbs()).containsExactly("delete");
    });
  }
}
