package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.ModelMapper;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Protocol;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.diagram.MermaidDiagram;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.kubernetes.KubernetesBackend;
import io.chainwright.kubernetes.KubernetesRendering;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java examples, verbatim, so they keep compiling and keep being true. */
class ReadmeExamplesTest {
  @Test
  void describeANetwork() {
    // README: describe
    Workload geth = Workload.builder()
        .name("geth").kind(WorkloadKind.STATEFUL)
        .addContainer(Container.builder()
            .name("geth").image(Image.of("ethereum/client-go:v1.15.11"))
            .addArgs("--datadir=/data", "--http", "--http.addr=0.0.0.0")
            .addPort(Port.tcp("rpc", 8545))
            .addPort(Port.builder().name("p2p").number(30303).exposure(Exposure.nodePort()).build())
            .addPort(Port.builder().name("p2p-udp").number(30303).protocol(Protocol.UDP)
                .exposure(Exposure.nodePort()).build())
            .addMount(VolumeMount.of("data", "/data"))
            .build())
        .addVolume(DataVolume.of("data", "2Ti"))
        .build();

    Network network = Network.builder().name("sepolia").addWorkload(geth).build();

    String yaml = ModelMapper.toYaml(network);        // the model, as YAML
    String picture = MermaidDiagram.of(network);      // a Mermaid flowchart
    // README: end

    assertThat(ModelMapper.fromYaml(yaml, Network.class)).isEqualTo(network);
    assertThat(picture).contains("outside -->|\"p2p 30303/TCP node port\"| w_geth");
  }

  @Test
  void renderForKubernetes(@TempDir Path outputDir) throws IOException {
    Network network = EthereumNodeExample.network(MaterialStore.inMemory());

    // README: kubernetes
    KubernetesBackend kubernetes = KubernetesBackend.create();    // connects on the first deploy or plan
    KubernetesRendering rendering = kubernetes.render(network);   // typed fabric8 objects; no cluster needed
    rendering.writeTo(outputDir);    // eth-mainnet.yaml, and eth-mainnet/<NN-tier>/<kind>-<name>.yaml
    // README: end

    assertThat(rendering.objects()).extracting(HasMetadata::getKind).contains("StatefulSet", "Ingress", "NetworkPolicy");
    assertThat(outputDir.resolve("eth-mainnet/07-workloads/statefulset-geth.yaml")).exists();
  }

  // README: junit
  @Test
  void theEngineApiNeverLeavesTheNetwork() {
    ValidationException e = assertThrows(ValidationException.class, () -> Port.builder()
        .name("engine").number(8551).internalOnly(true).exposure(Exposure.loadBalancer()).build());

    assertThat(e.violations()).singleElement()
        .satisfies(v -> assertThat(v.path()).isEqualTo("ports[engine].exposure"));
  }
  // README: end
}
