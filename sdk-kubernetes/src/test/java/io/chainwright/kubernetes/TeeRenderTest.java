package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Resources;
import io.chainwright.api.Sgx;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.scheduling.Scheduling;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Trusted execution as clusters offer it: SGX enclaves through Intel's device plugin resources on
 * nodes labelled SGX-capable, confidential VMs through Kata's runtime classes.
 */
class TeeRenderTest {
  private static PodSpec pod(Workload workload) {
    Network network = Network.builder().name("tee").addWorkload(workload).build();
    List<HasMetadata> objects = ((List<?>) new KubernetesSerialization().unmarshal(KubernetesBackend.create().render(network).yaml()))
        .stream().map(HasMetadata.class::cast).toList();
    return objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow()
        .getSpec().getTemplate().getSpec();
  }

  private static Workload signer(Resources resources, Scheduling scheduling) {
    return Workload.builder().name("signer").scheduling(scheduling)
        .addContainer(Container.builder().name("signer").image(Image.of("ghcr.io/example/enclave-signer:1.0")).resources(resources).build())
        .build();
  }

  @Test
  void anEnclaveAsksTheDevicePluginForMemoryAndDevicesOnAnSgxNode() {
    Resources enclave = Resources.builder().cpuRequest("1").cpuLimit("2").memoryRequest("1Gi").memoryLimit("2Gi")
        .sgx(Sgx.builder().epc("64Mi").provision(true).build()).build();

    PodSpec pod = pod(signer(enclave, Scheduling.anywhere()));

    Map<String, Quantity> limits = pod.getContainers().get(0).getResources().getLimits();
    assertThat(limits).containsEntry("sgx.intel.com/epc", new Quantity("64Mi"))
        .containsEntry("sgx.intel.com/enclave", new Quantity("1")).containsEntry("sgx.intel.com/provision", new Quantity("1"));
    assertThat(pod.getNodeSelector()).containsEntry("intel.feature.node.kubernetes.io/sgx", "true");
    assertThat(pod.getRuntimeClassName()).as("SGX is no runtime class").isNull();
  }

  @Test
  void withoutProvisioningOnlyTheEnclaveDeviceIsAskedFor() {
    PodSpec pod = pod(signer(Resources.builder().sgx(Sgx.builder().epc("8Mi").build()).build(), Scheduling.anywhere()));

    assertThat(pod.getContainers().get(0).getResources().getLimits()).containsOnlyKeys("sgx.intel.com/epc", "sgx.intel.com/enclave");
  }

  @Test
  void aConfidentialVmIsKatasRuntimeClass() {
    PodSpec pod = pod(signer(Resources.none(), Scheduling.builder().runtimeClass(Scheduling.TDX).build()));

    assertThat(pod.getRuntimeClassName()).isEqualTo("kata-qemu-tdx");
    assertThat(Scheduling.SEV_SNP).isEqualTo("kata-qemu-snp");
  }

  @Test
  void anEnclaveWithoutMemoryIsRefused() {
    assertThatThrownBy(() -> Sgx.builder().epc("0").build()).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("resources.sgx.epc"));
    assertThatThrownBy(() -> Sgx.builder().epc("lots").build()).isInstanceOf(ValidationException.class);
  }
}
