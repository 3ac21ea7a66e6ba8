package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.kubernetes.KubernetesBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesExamplesTest {
  /** Every kind the Kubernetes backend can render; together the examples must show each one. */
  private static final Set<String> EVERY_KIND = Set.of(
      "Namespace", "ResourceQuota", "LimitRange", "NetworkPolicy", "PodDisruptionBudget",
      "StorageClass", "PersistentVolume", "PersistentVolumeClaim", "Secret", "ConfigMap", "ExternalSecret",
      "ServiceAccount", "Role", "RoleBinding", "Service", "Ingress",
      "StatefulSet", "Deployment", "Job", "CronJob", "DaemonSet",
      "ServiceMonitor", "PrometheusRule", "HorizontalPodAutoscaler", "VerticalPodAutoscaler", "VolumeSnapshotClass",
      "ClusterPolicy");

  @Test
  void theMainJobWritesKubernetesYamlForEveryExample(@TempDir Path out) throws IOException {
    RenderExamples.render(Examples.all(MaterialStore.inMemory()), out);

    for (Network network : Examples.all(MaterialStore.inMemory())) {
      assertThat(Files.readString(out.resolve("kubernetes/" + network.name() + ".yaml"))).startsWith("---\napiVersion: v1\nkind: Namespace\n");
      assertThat(out.resolve("kubernetes/" + network.name() + "/01-namespaces")).isDirectory();
    }
  }

  @Test
  void togetherTheExamplesRenderEveryKind() {
    Set<String> kinds = new TreeSet<>();
    for (Network network : Examples.all(MaterialStore.inMemory())) {
      String yaml = KubernetesBackend.create().render(network).yaml();
      yaml.lines().filter(l -> l.startsWith("kind: ")).forEach(l -> kinds.add(l.substring("kind: ".length())));
    }

    assertThat(kinds).containsAll(EVERY_KIND);
  }

  @Test
  void theFreshJwtSecretIsWrittenOnlyInsideItsSecretObject(@TempDir Path out) throws IOException {
    Network node = EthereumNodeExample.network(MaterialStore.inMemory());
    byte[] jwt = node.secret("jwt").orElseThrow().data().get("jwt.hex").resolve();
    String encoded = Base64.getEncoder().encodeToString(jwt);

    RenderExamples.render(List.of(node), out);

    List<String> documents = Arrays.stream(Files.readString(out.resolve("kubernetes/eth-mainnet.yaml")).split("(?m)^---\n"))
        .filter(d -> d.contains(encoded)).toList();
    assertThat(documents).singleElement().satisfies(d -> assertThat(d).contains("\nkind: Secret\n"));
    assertThat(new String(jwt, StandardCharsets.UTF_8)).hasSize(64);
  }

  @Test
  void examplesSharingAStorageClassWriteItTheSame(@TempDir Path out) throws IOException {
    RenderExamples.render(Examples.all(MaterialStore.inMemory()), out);

    List<Path> copies;
    try (var files = Files.walk(out.resolve("kubernetes"))) {
      copies = files.filter(f -> f.getFileName().toString().equals("storageclass-chain-data.yaml")).sorted().toList();
    }
    assertThat(copies).hasSizeGreaterThanOrEqualTo(2);
    for (Path copy : copies) {
      assertThat(Files.readString(copy)).as(copy.toString()).isEqualTo(Files.readString(copies.get(0)));
    }
  }
}
