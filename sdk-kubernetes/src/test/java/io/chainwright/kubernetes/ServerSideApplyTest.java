package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.kubernetes.cluster.ApplyMode;
import io.chainwright.kubernetes.cluster.DeployReport;
import io.chainwright.kubernetes.cluster.Outcome;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server-side apply requests, checked in expectations mode: the mock server's CRUD mode cannot answer them. */
class ServerSideApplyTest {
  static final String NAMESPACE_PATH = "/api/v1/namespaces/ssa?fieldManager=chainwright&force=true";
  static final String DEPLOYMENT_PATH = "/apis/apps/v1/namespaces/ssa/deployments/api?fieldManager=chainwright&force=true";

  private final MockCluster cluster = MockCluster.expectations();

  @AfterEach
  void stop() {
    cluster.close();
  }

  /** Two objects, a namespace and a deployment: open by name, so that no network policies join the requests these tests follow. */
  static Network network() {
    return Network.builder().name("ssa").addWorkload(Workload.builder().name("api")
        .addContainer(Container.builder().name("api").image(Image.of("example/api:1")).build()).build())
        .isolation(IsolationPolicy.leaveOpen("ssa")).build();
  }

  static List<RecordedRequest> requests(MockCluster cluster) throws InterruptedException {
    List<RecordedRequest> all = new ArrayList<>();
    for (RecordedRequest r; (r = cluster.server.takeRequest(10, TimeUnit.MILLISECONDS)) != null; ) {
      all.add(r);
    }
    return all;
  }

  @Test
  void everyObjectIsSentAsAnApplyPatchWithOurFieldManagerAndForce() throws InterruptedException {
    KubernetesBackend backend = cluster.backend(ApplyMode.SERVER_SIDE).build();
    List<HasMetadata> objects = backend.render(network()).objects();
    cluster.server.expect().patch().withPath(NAMESPACE_PATH).andReturn(200, objects.get(0)).once();
    cluster.server.expect().patch().withPath(DEPLOYMENT_PATH).andReturn(200, objects.get(1)).once();

    backend.deploy(network());

    List<RecordedRequest> patches = requests(cluster).stream().filter(r -> r.getMethod().equals("PATCH")).toList();
    assertThat(patches).extracting(RecordedRequest::getPath).containsExactly(NAMESPACE_PATH, DEPLOYMENT_PATH);
    for (RecordedRequest patch : patches) {
      assertThat(patch.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
      HasMetadata sent = new KubernetesSerialization().unmarshal(patch.getUtf8Body());
      assertThat(sent.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "chainwright");
    }
  }

  /** The namespace is new; the deployment exists, and the server's answer shows whether the apply wrote to it. */
  @ParameterizedTest
  @CsvSource({"41, UNCHANGED", "42, UPDATED"})
  void theReportTellsNewChangedAndUntouchedObjectsApartByResourceVersion(String versionAfterApply, Outcome deployment) {
    KubernetesBackend backend = cluster.backend(ApplyMode.SERVER_SIDE).build();
    List<HasMetadata> objects = backend.render(network()).objects();
    cluster.server.expect().patch().withPath(NAMESPACE_PATH).andReturn(200, withVersion(objects.get(0), "40")).once();
    cluster.server.expect().get().withPath("/apis/apps/v1/namespaces/ssa/deployments/api").andReturn(200, withVersion(objects.get(1), "41")).once();
    cluster.server.expect().patch().withPath(DEPLOYMENT_PATH).andReturn(200, withVersion(objects.get(1), versionAfterApply)).once();

    DeployReport report = backend.deploy(network()).report();

    assertThat(report.with(Outcome.CREATED)).containsExactly("Namespace ssa");
    assertThat(report.with(deployment)).containsExactly("Deployment ssa/api");
  }

  private static HasMetadata withVersion(HasMetadata object, String resourceVersion) {
    HasMetadata copy = new KubernetesSerialization().clone(object);
    copy.getMetadata().setResourceVersion(resourceVersion);
    return copy;
  }
}
