package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.policy.SecretSource;
import io.chainwright.kubernetes.render.YamlWriter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
  /** Kinds with no fabric8 model at this release, or one for an older API version: written and read as untyped resources on purpose. */
  private static final Set<String> UNTYPED = Set.of("VerticalPodAutoscaler", "ExternalSecret", "VolumeSnapshotClass",
      "SecurityPolicy", "BackendTrafficPolicy");

  static Stream<Network> networks() {
    return Stream.of(RichNetwork.small(), RichNetwork.rich(), RichNetwork.rich(SecretSource.externalSecrets("vault-backend")));
  }

  @ParameterizedTest
  @MethodSource("networks")
  void everyObjectReadsBackIntoFabric8sTypedModelUnchanged(Network network) {
    KubernetesSerialization fabric8 = new KubernetesSerialization();
    List<HasMetadata> objects = KubernetesBackend.create().render(network).objects();

    for (HasMetadata object : objects) {
      String yaml = YamlWriter.write(object);
      HasMetadata read = fabric8.unmarshal(yaml);

      assertThat(read.getClass()).as(object.getKind()).isEqualTo(object.getClass());
      if (UNTYPED.contains(object.getKind())) {
        assertThat(read).isInstanceOf(GenericKubernetesResource.class);
      } else {
        assertThat(read).as(object.getKind() + " must be typed").isNotInstanceOf(GenericKubernetesResource.class);
      }
      assertThat(YamlWriter.write(read)).as(object.getKind() + " " + object.getMetadata().getName()).isEqualTo(yaml);
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void theWholeFileReadsBackAsTheSameObjects(Network network) {
    KubernetesRendering rendering = KubernetesBackend.create().render(network);

    Object parsed = new KubernetesSerialization().unmarshal(rendering.yaml());
    assertThat(parsed).isInstanceOf(List.class);
    List<HasMetadata> read = ((List<?>) parsed).stream().map(HasMetadata.class::cast).toList();

    assertThat(read).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactlyElementsOf(rendering.objects().stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList());
  }
}
