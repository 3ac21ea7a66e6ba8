package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.kubernetes.KubernetesBackend;
import io.chainwright.kubernetes.KubernetesRendering;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every execution and consensus client pair renders into Kubernetes objects that read back into fabric8's typed model. */
class KubernetesRenderTest {
  static Stream<Arguments> pairs() {
    return RenderAllPairsTest.pairs();
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("pairs")
  void rendersTypedObjectsWithTheJwtOnlyInItsSecret(ExecutionClient el, ConsensusClient cl) {
    Network network = Nodes.mainnet(el, cl).build().toNetwork();
    String hex = new String(network.secrets().get(0).data().get("jwt.hex").resolve(), StandardCharsets.US_ASCII);
    String encoded = Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));

    KubernetesRendering rendering = KubernetesBackend.create().render(network);
    List<HasMetadata> read = ((List<?>) new KubernetesSerialization().unmarshal(rendering.yaml())).stream()
        .map(HasMetadata.class::cast).toList();

    assertThat(read).filteredOn(StatefulSet.class::isInstance).extracting(o -> o.getMetadata().getName())
        .containsExactlyInAnyOrder("node-" + el.id(), "node-" + cl.id());
    assertThat(read).filteredOn(o -> o.toString().contains(hex) || o.toString().contains(encoded))
        .singleElement().isInstanceOfSatisfying(Secret.class, s -> assertThat(s.getMetadata().getName()).isEqualTo("node-jwt"));
    assertThat(read).filteredOn(Service.class::isInstance).map(Service.class::cast)
        .allSatisfy(s -> assertThat(s.getSpec().getType()).as(s.getMetadata().getName()).isIn(null, "ClusterIP"));
  }
}
