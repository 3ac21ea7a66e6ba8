package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chainwright.api.Container;
import io.chainwright.api.Gpu;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Resources;
import io.chainwright.api.Workload;
import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.MigLayout;
import io.chainwright.api.policy.MigStrategy;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A GPU policy becomes the GPU operator's cluster policy and a MIG layout config map in the operator's namespace. */
class GpuRenderTest {
  private static Network network(GpuPolicy gpu) {
    Workload prover = Workload.builder().name("prover")
        .addContainer(Container.builder().name("prover").image(Image.of("ghcr.io/example/prover:1.0"))
            .resources(Resources.builder().gpu(Gpu.mig("1g.10gb", 1)).build()).build())
        .build();
    return Network.builder().name("zk").addWorkload(prover).gpu(gpu).isolation(IsolationPolicy.leaveOpen("gpu-operator")).build();
  }

  private static List<HasMetadata> readBack(Network network) {
    return ((List<?>) new KubernetesSerialization().unmarshal(KubernetesBackend.create().render(network).yaml())).stream()
        .map(HasMetadata.class::cast).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void migLayoutsAreWrittenInMigPartedFormatWhereTheOperatorReadsThem() throws Exception {
    GpuPolicy gpu = GpuPolicy.builder().migStrategy(MigStrategy.MIXED)
        .addMigLayout(MigLayout.uniform("1g.10gb", 7)).addMigLayout(MigLayout.disabled()).defaultMigLayout("all-disabled").build();

    ConfigMap map = readBack(network(gpu)).stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
        .filter(c -> c.getMetadata().getName().equals("chainwright-mig-layouts")).findFirst().orElseThrow();
    Map<String, Object> parted = new ObjectMapper(new YAMLFactory()).readValue(map.getData().get("config.yaml"), Map.class);

    assertThat(map.getMetadata().getNamespace()).isEqualTo("gpu-operator");
    assertThat(parted).containsEntry("version", "v1");
    assertThat((Map<String, Object>) parted.get("mig-configs")).containsOnlyKeys("all-1g.10gb", "all-disabled");
    assertThat((List<Map<String, Object>>) ((Map<String, Object>) parted.get("mig-configs")).get("all-1g.10gb"))
        .singleElement().isEqualTo(Map.of("devices", "all", "mig-enabled", true, "mig-devices", Map.of("1g.10gb", 7)));
    assertThat((List<Map<String, Object>>) ((Map<String, Object>) parted.get("mig-configs")).get("all-disabled"))
        .singleElement().isEqualTo(Map.of("devices", "all", "mig-enabled", false));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theClusterPolicyNamesTheLayoutsAndSwitchesTheOperands() {
    GpuPolicy gpu = GpuPolicy.builder().migStrategy(MigStrategy.MIXED).driverVersion("550.90.07")
        .addMigLayout(MigLayout.uniform("1g.10gb", 7)).addMigLayout(MigLayout.disabled()).defaultMigLayout(GpuPolicy.MIG_DISABLED)
        .build();

    GenericKubernetesResource policy = readBack(network(gpu)).stream().filter(GenericKubernetesResource.class::isInstance)
        .map(GenericKubernetesResource.class::cast).filter(o -> o.getKind().equals("ClusterPolicy")).findFirst().orElseThrow();
    Map<String, Object> spec = (Map<String, Object>) policy.getAdditionalProperties().get("spec");

    assertThat(policy.getApiVersion()).isEqualTo("nvidia.com/v1");
    assertThat(policy.getMetadata().getNamespace()).isNull();
    assertThat(spec).containsKeys("operator", "daemonsets", "driver", "toolkit", "devicePlugin", "dcgm", "dcgmExporter", "gfd",
        "nodeStatusExporter", "validator");
    assertThat(spec.get("driver")).isEqualTo(Map.of("enabled", true, "version", "550.90.07"));
    assertThat(spec.get("mig")).isEqualTo(Map.of("strategy", "mixed"));
    assertThat(spec.get("migManager")).isEqualTo(Map.of("enabled", true,
        "config", Map.of("name", "chainwright-mig-layouts", "default", "all-disabled")));
    assertThat(spec.get("dcgmExporter")).isEqualTo(Map.of("enabled", true, "serviceMonitor", Map.of("enabled", true)));
  }

  @Test
  void aPolicyManagedElsewhereRendersNothing() {
    Network network = Network.builder().name("zk").gpu(GpuPolicy.builder().managePolicy(false).build())
        .addWorkload(Workload.builder().name("prover")
            .addContainer(Container.builder().name("prover").image(Image.of("ghcr.io/example/prover:1.0")).build()).build())
        .build();

    assertThat(readBack(network)).noneMatch(o -> o.getKind().equals("ClusterPolicy"));
  }
}
