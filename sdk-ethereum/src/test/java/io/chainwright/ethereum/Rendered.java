package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.ComposeRenderer;
import io.chainwright.compose.ComposeSchema;
import io.chainwright.kubernetes.KubernetesBackend;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/** A network rendered by both backends and checked the way a user's tools would read it. */
public record Rendered(ComposeProject compose, String kubernetesYaml, List<HasMetadata> kubernetes) {
  /** Renders {@code network} and asserts the Compose file is schema-valid and every Kubernetes object is typed. */
  public static Rendered both(Network network) {
    ComposeProject compose = ComposeRenderer.render(network);
    assertThat(ComposeSchema.load().problems(compose.composeYaml())).as("Compose schema problems").isEmpty();
    String yaml = KubernetesBackend.create().render(network).yaml();
    List<HasMetadata> objects = ((List<?>) new KubernetesSerialization().unmarshal(yaml)).stream()
        .map(HasMetadata.class::cast).toList();
    assertThat(objects).isNotEmpty();
    return new Rendered(compose, yaml, objects);
  }

  public <T extends HasMetadata> T object(Class<T> type, String name) {
    return kubernetes.stream().filter(type::isInstance).map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }
}
