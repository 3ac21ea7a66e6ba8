package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.compose.Promtool;
import io.chainwright.kubernetes.KubernetesBackend;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two tenants' RPC nodes as the platform runs them, and the quota alerts Prometheus would fire for them. */
class BaasExampleTest {
  private static final KubernetesSerialization YAML = new KubernetesSerialization();
  private final List<Network> networks = BaasExample.networks(MaterialStore.inMemory());

  private static <T> T only(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  @Test
  void eachTenantsNodeIsInItsOwnRestrictedNamespaceOnItsPlanBehindABalancerOnTheSharedGateway() {
    assertThat(networks).extracting(Network::namespace).containsExactly("acme-mainnet", "globex-mainnet", "globex-fabric");
    for (Network network : networks.subList(0, 2)) {
      List<HasMetadata> objects = KubernetesBackend.create().render(network).objects();
      Namespace namespace = only(objects, Namespace.class);
      assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted")
          .containsKey("chainwright.io/tenant");
      HTTPRoute route = only(objects, HTTPRoute.class);
      assertThat(route.getSpec().getParentRefs().get(0).getNamespace()).isEqualTo("gateway-system");
      assertThat(route.getSpec().getRules().get(0).getBackendRefs().get(0).getName())
          .as("clients reach the balancer that refuses admin and debug methods, never the node itself").isEqualTo("rpc-lb");
      assertThat(objects).filteredOn(HTTPRoute.class::isInstance).hasSize(1);
      assertThat(network.secret("rpc-lb-api-keys").orElseThrow().data()).as("two consumers, each with a key").hasSize(3);
      assertThat(only(objects, ResourceQuota.class).getSpec().getHard()).containsKey("chain-data.storageclass.storage.k8s.io/requests.storage");
    }
  }

  @Test
  void aFabricNetworkIsPlacedLikeAnyOtherChain() {
    List<HasMetadata> objects = KubernetesBackend.create().render(networks.get(2)).objects();

    assertThat(only(objects, Namespace.class).getMetadata().getLabels()).containsEntry("chainwright.io/tenant", "globex")
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    assertThat(objects).filteredOn(o -> o.getKind().equals("StatefulSet")).extracting(o -> o.getMetadata().getName())
        .contains("org1-peer0", "org2-peer0", "ord-orderer0");
  }

  @Test
  void promtoolFiresTheQuotaAlertsAt80And100Percent(@TempDir Path dir) throws Exception {
    PrometheusRule rule = only(KubernetesBackend.create().render(networks.get(0)).objects(), PrometheusRule.class);
    Promtool promtool = Promtool.checked(dir, YAML.asYaml(rule.getSpec()));

    String series = "kube_resourcequota{namespace=\"acme-mainnet\",resourcequota=\"quota\",resource=\"requests.cpu\",type=\"%s\"}";
    Map<String, String> labels = new TreeMap<>(Map.of("namespace", "acme-mainnet", "resourcequota", "quota",
        "resource", "requests.cpu", "severity", "warning", "network", "acme-mainnet", "tenant", "acme"));
    promtool.passes("1m", Map.of("interval", "1m",
        // 8 CPUs hard; 6 used (75%) for ten minutes, then 7 (87.5%)
        "input_series", List.of(Map.of("series", series.formatted("hard"), "values", "8x60"),
            Map.of("series", series.formatted("used"), "values", "6x10 7x50")),
        "alert_rule_test", List.of(
            Map.of("eval_time", "20m", "alertname", "TenantQuotaNearlyFull", "exp_alerts", List.of()),
            Map.of("eval_time", "30m", "alertname", "TenantQuotaNearlyFull", "exp_alerts", List.of(Map.of(
                "exp_labels", labels,
                "exp_annotations", Map.of("summary", "Tenant acme uses over 80% of its requests.cpu quota in namespace acme-mainnet")))),
            Map.of("eval_time", "30m", "alertname", "TenantQuotaFull", "exp_alerts", List.of()))));
  }
}
