package io.chainwright.l2;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.ComposeSchema;
import io.chainwright.kubernetes.KubernetesBackend;
import io.chainwright.l2.arbitrum.NitroNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rollup renders into typed Kubernetes objects and a schema-valid Compose project, its generated secrets only in secret objects. */
class RenderL2Test {
  static Stream<Network> networks() {
    return Stream.of(
        Chains.opSepolia().build().addTo(Chains.network("op-sepolia")).build(),
        Chains.ownChain().build().addTo(Chains.network("devchain")).build(),
        NitroNode.builder().name("arb").parentChain(Chains.SEPOLIA).build().addTo(Chains.network("arb")).build(),
        RollupsTest.zkSync().build().addTo(Chains.network("era").addSecret(Secret.provided("gcs"))).build(),
        Chains.cdk().build().addTo(Chains.network("cdk")).build());
  }

  /** Every generated value (JWTs, database passwords and URLs), as written and base64-encoded. */
  private static List<String> generated(Network n) {
    return n.secrets().stream().filter(s -> !s.provided()).flatMap(s -> s.data().values().stream())
        .map(v -> new String(v.resolve(), StandardCharsets.UTF_8))
        .flatMap(v -> Stream.of(v, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void rendersTypedKubernetesObjectsWithSecretsOnlyInSecretObjects(Network n) {
    List<HasMetadata> objects = ((List<?>) new KubernetesSerialization().unmarshal(KubernetesBackend.create().render(n).yaml()))
        .stream().map(HasMetadata.class::cast).toList();

    assertThat(objects).isNotEmpty().noneMatch(o -> o.getClass().getSimpleName().equals("GenericKubernetesResource")
        && !List.of("ClusterPolicy", "ExternalSecret").contains(o.getKind()));
    for (String value : generated(n)) {
      assertThat(objects).filteredOn(o -> o.toString().contains(value)).allSatisfy(o -> assertThat(o.getKind()).isEqualTo("Secret"));
    }
    assertThat(objects).filteredOn(Service.class::isInstance).map(Service.class::cast)
        .allSatisfy(s -> assertThat(s.getSpec().getType()).as(s.getMetadata().getName()).isIn(null, "ClusterIP"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void rendersASchemaValidComposeProjectWithoutSecretsInTheComposeFile(Network n) {
    String yaml = ComposeRenderer.render(n).composeYaml();

    assertThat(ComposeSchema.load().problems(yaml)).isEmpty();
    generated(n).forEach(value -> assertThat(yaml).doesNotContain(value));
  }
}
