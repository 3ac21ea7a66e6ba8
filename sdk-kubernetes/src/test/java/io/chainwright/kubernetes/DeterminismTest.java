package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.kubernetes.render.Tier;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  @Test
  void theSameModelGivesByteIdenticalFiles() {
    Map<String, String> first = KubernetesBackend.create().render(RichNetwork.rich()).files();
    Map<String, String> second = KubernetesBackend.create().render(RichNetwork.rich()).files();

    assertThat(second).isEqualTo(first);
    assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
  }

  @Test
  void thePerObjectFilesAddUpToTheNetworkFileInTierOrder() {
    KubernetesRendering rendering = KubernetesBackend.create().render(RichNetwork.rich());
    Map<String, String> files = rendering.files();

    StringBuilder joined = new StringBuilder();
    files.entrySet().stream().filter(e -> e.getKey().startsWith("rich/")).sorted(Map.Entry.comparingByKey())
        .forEach(e -> joined.append("---\n").append(e.getValue()));

    assertThat(files).containsKey("rich.yaml");
    assertThat(files.keySet()).contains("rich/" + Tier.NAMESPACES.directory() + "/namespace-chain-prod.yaml",
        "rich/" + Tier.WORKLOADS.directory() + "/statefulset-node.yaml");
    // A sorted walk of the folders (kubectl apply -R -f, GitOps tools) applies the tiers in order.
    assertThat(RenderedYaml.documents(joined.toString()).stream().map(RenderedYaml::kind).toList().subList(0, 1))
        .containsExactly("Namespace");
    assertThat(RenderedYaml.documents(joined.toString())).hasSameSizeAs(RenderedYaml.documents(rendering.yaml()));
  }

  @Test
  void noNullsAndNoEmptyListsAreWritten() {
    String yaml = KubernetesBackend.create().render(RichNetwork.rich()).yaml();

    assertThat(yaml).doesNotContainPattern("(?m): null$").doesNotContainPattern("(?m): \\[]$").doesNotContainPattern("(?m)^status:");
  }
}
