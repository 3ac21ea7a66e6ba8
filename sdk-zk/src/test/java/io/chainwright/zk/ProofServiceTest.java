package io.chainwright.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.MigLayout;
import io.chainwright.api.policy.MigStrategy;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.ComposeSchema;
import io.chainwright.kubernetes.KubernetesBackend;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProofServiceTest {
  private static final ProofAutoscaling SCALING = ProofAutoscaling.builder()
      .minReplicas(2).maxReplicas(16).gpuUtilization(80).queueLengthPerReplica(4).build();
  private static final GpuPolicy MIG = GpuPolicy.builder().migStrategy(MigStrategy.MIXED)
      .addMigLayout(MigLayout.uniform("1g.10gb", 7)).addMigLayout(MigLayout.disabled()).defaultMigLayout(GpuPolicy.MIG_DISABLED).build();

  private static Network network(ProofService service) {
    return service.addTo(Network.builder().name("proofs").addSecret(Secret.provided("queue"))
        .isolation(IsolationPolicy.leaveOpen(service.gpu().filter(g -> !g.migLayouts().isEmpty()).map(GpuPolicy::operatorNamespace).stream()
            .toArray(String[]::new)))).build();
  }

  private static ProofService onMig() {
    return ProofService.builder()
        .prover(Provers.h100().gpus(java.util.Optional.empty()).migProfile("1g.10gb").size(ProverSize.SMALL).build())
        .autoscaling(SCALING).gpu(MIG).build();
  }

  @Test
  void scalingOnGpuUtilisationWithoutADcgmSourceIsRefused() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> ProofService.builder().prover(Provers.h100().build()).autoscaling(SCALING).build());

    assertThat(e.violations()).extracting(Violation::toString).containsExactly(
        "autoscaling.gpuUtilization: an HPA on GPU utilisation needs a DCGM metric source: give gpu(GpuPolicy) with the DCGM exporter");
  }

  @Test
  void scalingOnTheQueueNeedsTheQueueAndMigNeedsTheMixedStrategy() {
    assertThat(assertThrows(ValidationException.class, () -> ProofService.builder()
        .prover(Provers.h100().queueUrl(java.util.Optional.empty()).gpus(java.util.Optional.empty()).migProfile("1g.10gb").build())
        .autoscaling(SCALING).gpu(GpuPolicy.builder().build()).build()).violations())
        .extracting(Violation::toString).containsExactlyInAnyOrder(
            "autoscaling.queueLengthPerReplica: scaling on the queue needs the prover's queueUrl",
            "gpu.migStrategy: a prover on MIG profile 1g.10gb needs the MIXED MIG strategy");
  }

  @Test
  void rendersAnHpaOnDcgmUtilisationAndQueueLengthWithTypedObjects() {
    List<HasMetadata> objects = ((List<?>) new KubernetesSerialization()
        .unmarshal(KubernetesBackend.create().render(network(onMig())).yaml())).stream().map(HasMetadata.class::cast).toList();

    HorizontalPodAutoscaler hpa = objects.stream().filter(HorizontalPodAutoscaler.class::isInstance)
        .map(HorizontalPodAutoscaler.class::cast).findFirst().orElseThrow();
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(16);
    assertThat(hpa.getSpec().getMetrics()).extracting(m -> m.getType()).containsExactly("Pods", "External");
    assertThat(hpa.getSpec().getMetrics().get(0).getPods().getMetric().getName()).isEqualTo("DCGM_FI_DEV_GPU_UTIL");
    assertThat(hpa.getSpec().getMetrics().get(0).getPods().getTarget().getAverageValue()).isEqualTo(new Quantity("80"));
    assertThat(hpa.getSpec().getMetrics().get(1).getExternal().getMetric().getName()).isEqualTo("proof_queue_length");

    Deployment prover = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();
    var pod = prover.getSpec().getTemplate().getSpec();
    assertThat(prover.getSpec().getReplicas()).as("the autoscaler owns the count").isNull();
    assertThat(pod.getContainers().get(0).getResources().getLimits()).containsEntry("nvidia.com/mig-1g.10gb", new Quantity("1"));
    assertThat(pod.getNodeSelector()).containsEntry("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3");
    assertThat(pod.getContainers().get(0).getVolumeMounts()).anySatisfy(m -> {
      assertThat(m.getMountPath()).isEqualTo("/crs");
      assertThat(m.getReadOnly()).isTrue();
    });
    assertThat(objects).extracting(HasMetadata::getKind).contains("ClusterPolicy", "ConfigMap", "PersistentVolumeClaim");
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeReservesGpuDevicesAndValidates() throws Exception {
    String yaml = ComposeRenderer.render(network(ProofService.builder().prover(Provers.h100().gpus(2).build()).build())).composeYaml();

    assertThat(ComposeSchema.load().problems(yaml)).isEmpty();
    Map<String, Object> compose = new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
    Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("prover");
    Map<String, Object> reservations = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) service.get("deploy"))
        .get("resources")).get("reservations");
    assertThat((List<Map<String, Object>>) reservations.get("devices")).singleElement()
        .isEqualTo(Map.of("driver", "nvidia", "count", 2, "capabilities", List.of("gpu")));
  }
}
