package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.material.MaterialStore;
import io.chainwright.compose.TestTools;
import io.chainwright.kubernetes.KubernetesBackend;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every object of every example, as the Kubernetes backend renders it, passes the published
 * schemas: Kubernetes' own (kubernetes-models 5.1.0, compiled from the OpenAPI schemas of a
 * release with resource.k8s.io/v1), and the Gateway API, prometheus-operator, External Secrets and
 * Cilium types (@kubernetes-models/gateway-api 2.0.0, prometheus-operator 6.0.0, external-secrets
 * 2.0.0, cilium 4.0.0).
 * These check types, enums, patterns and required fields; a field no schema names is not caught.
 */
class PublishedSchemasTest {
  /** Kinds of operators whose schemas no package here carries. */
  private static final List<String> UNCHECKED = List.of("autoscaling.k8s.io/v1 VerticalPodAutoscaler", "nvidia.com/v1 ClusterPolicy",
      "snapshot.storage.k8s.io/v1 VolumeSnapshotClass");

  @TempDir
  Path dir;

  private List<String> verdicts(List<HasMetadata> objects) throws IOException, InterruptedException, URISyntaxException {
    Path json = dir.resolve("objects.json");
    Files.writeString(json, new KubernetesSerialization().asJson(objects));
    Path script = Path.of(PublishedSchemasTest.class.getResource("/schemas/validate.mjs").toURI());
    String out = TestTools.run(TestTools.systemProgram("node", "nodejs"), dir, script.toString(),
        TestTools.kubernetesModels().toString(), json.toString());
    return out.lines().toList();
  }

  @Test
  void everyExampleObjectPassesItsPublishedSchema() throws Exception {
    KubernetesBackend backend = KubernetesBackend.create();
    List<HasMetadata> objects = Examples.all(MaterialStore.inMemory()).stream().flatMap(n -> backend.render(n).objects().stream()).toList();

    List<String> verdicts = verdicts(objects);

    assertThat(verdicts).hasSameSizeAs(objects);
    assertThat(verdicts).filteredOn(v -> v.startsWith("INVALID")).isEmpty();
    assertThat(verdicts).filteredOn(v -> v.startsWith("NOSCHEMA")).allSatisfy(v -> assertThat(UNCHECKED).anySatisfy(v::contains));
    assertThat(verdicts).filteredOn(v -> v.startsWith("OK")).hasSizeGreaterThan(800)
        .anySatisfy(v -> assertThat(v).contains("HTTPRoute")).anySatisfy(v -> assertThat(v).contains("ServiceMonitor"))
        .anySatisfy(v -> assertThat(v).contains("ExternalSecret")).anySatisfy(v -> assertThat(v).contains("NetworkPolicy"))
        .anySatisfy(v -> assertThat(v).startsWith("OK cilium.io/v2 CiliumNetworkPolicy"));
  }

  /** The Kubernetes backend's golden files hold the kinds no example uses, such as GRPCRoute and TLSRoute. */
  @Test
  void everyObjectOfTheKubernetesBackendsGoldenFilesPassesItsPublishedSchema() throws Exception {
    KubernetesSerialization serialization = new KubernetesSerialization();
    List<HasMetadata> objects = new ArrayList<>();
    try (var files = Files.list(Path.of("..", "sdk-kubernetes", "src", "test", "resources", "golden"))) {
      for (Path file : files.sorted().toList()) {
        List<HasMetadata> documents = serialization.unmarshal(Files.readString(file)); // a multi-document file reads as a list
        objects.addAll(documents);
      }
    }

    List<String> verdicts = verdicts(objects);

    assertThat(verdicts).hasSameSizeAs(objects).filteredOn(v -> !v.startsWith("OK"))
        .allSatisfy(v -> assertThat(UNCHECKED).anySatisfy(kind -> assertThat(v).startsWith("NOSCHEMA " + kind)));
    assertThat(verdicts).anySatisfy(v -> assertThat(v).startsWith("OK gateway.networking.k8s.io/v1 GRPCRoute"))
        .anySatisfy(v -> assertThat(v).contains("TLSRoute")).anySatisfy(v -> assertThat(v).contains("AlertmanagerConfig"));
  }

  @Test
  void anObjectTheSchemaRefusesIsReportedWithWhereAndWhy() throws Exception {
    HasMetadata deployment = new DeploymentBuilder().withNewMetadata().withName("api").endMetadata()
        .withNewSpec().withNewSelector().addToMatchLabels("app", "api").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "api").endMetadata()
        .withNewSpec().addNewContainer().withName("api").withImage("example/api:1").endContainer().endSpec().endTemplate()
        .endSpec().build();
    HasMetadata route = new HTTPRouteBuilder().withNewMetadata().withName("rpc").endMetadata()
        .withNewSpec().addNewParentRef().withName("edge").endParentRef()
        .addNewRule().addNewMatch().withNewPath().withType("Prefix").withValue("/").endPath().endMatch().endRule().endSpec().build();

    assertThat(verdicts(List.of(deployment, route))).containsExactly("OK apps/v1 Deployment /api",
        "INVALID gateway.networking.k8s.io/v1 HTTPRoute /rpc: /spec/rules/0/matches/0/path/type must be equal to one of the allowed values");
  }
}
