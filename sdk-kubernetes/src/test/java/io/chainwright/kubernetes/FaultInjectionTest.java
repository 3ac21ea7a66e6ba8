package io.chainwright.kubernetes;

import static io.chainwright.kubernetes.ServerSideApplyTest.DEPLOYMENT_PATH;
import static io.chainwright.kubernetes.ServerSideApplyTest.NAMESPACE_PATH;
import static io.chainwright.kubernetes.ServerSideApplyTest.network;
import static io.chainwright.kubernetes.ServerSideApplyTest.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.PlatformException;
import io.chainwright.api.backend.Teardown;
import io.chainwright.kubernetes.cluster.ApplyMode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentListBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API server misbehaves on purpose (mock server, expectations mode); the backend retries what may pass and names what will not. */
class FaultInjectionTest {
  private final MockCluster cluster = MockCluster.expectations();
  private final KubernetesBackend backend = cluster.backend(ApplyMode.SERVER_SIDE).build();
  private final List<HasMetadata> objects = backend.render(network()).objects();

  @BeforeEach
  void namespaceApplies() {
    cluster.server.expect().patch().withPath(NAMESPACE_PATH).andReturn(200, objects.get(0)).always();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static Status status(int code, String reason, String message) {
    return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build();
  }

  private List<RecordedRequest> deploymentPatches() throws InterruptedException {
    return requests(cluster).stream().filter(r -> r.getMethod().equals("PATCH") && r.getPath().equals(DEPLOYMENT_PATH)).toList();
  }

  @Test
  void aConflictIsRetried() throws InterruptedException {
    cluster.server.expect().patch().withPath(DEPLOYMENT_PATH).andReturn(409, status(409, "Conflict", "the object has been modified")).once();
    cluster.server.expect().patch().withPath(DEPLOYMENT_PATH).andReturn(200, objects.get(1)).once();

    backend.deploy(network());

    assertThat(deploymentPatches()).hasSize(2);
    assertThat(cluster.pauses).hasSize(1);
  }

  @Test
  void throttlingWaitsAsLongAsTheServerAsks() throws InterruptedException {
    Status tooMany = new StatusBuilder(status(429, "TooManyRequests", "slow down")).withNewDetails().withRetryAfterSeconds(7).endDetails().build();
    cluster.server.expect().patch().withPath(DEPLOYMENT_PATH).andReturn(429, tooMany).once();
    cluster.server.expect().patch().withPath(DEPLOYMENT_PATH).andReturn(200, objects.get(1)).once();

    backend.deploy(network());

    assertThat(cluster.pauses).containsExactly(Duration.ofSeconds(7));
    assertThat(deploymentPatches()).hasSize(2);
  }

  @Test
  void serverErrorsAreRetriedWithGrowingBackoff() throws InterruptedException {
    cluster.server.expect().patch().withPath(DEPLOYMENT_PATH).andReturn(500, status(500, "InternalError", "etcd timeout")).once();
    cluster.server.expect().patch().withPath(DEPLOYMENT_PATH).andReturn(503, status(503, "ServiceUnavailable", "")).once();
    cluster.server.expect().patch().withPath(DEPLOYMENT_PATH).andReturn(200, objects.get(1)).once();

    backend.deploy(network());

    assertThat(deploymentPatches()).hasSize(3);
    assertThat(cluster.pauses).hasSize(2).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(Duration.ofSeconds(1)));
  }

  @Test
  void aServerThatKeepsFailingIsGivenUpOnWithTheObjectNamed() throws InterruptedException {
    cluster.server.expect().patch().withPath(DEPLOYMENT_PATH).andReturn(500, status(500, "InternalError", "etcd is down")).always();

    assertThatThrownBy(() -> backend.deploy(network()))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.verb()).isEqualTo("apply");
          assertThat(e.object()).isEqualTo("Deployment ssa/api");
          assertThat(e.getMessage()).contains("HTTP 500").contains("etcd is down").contains("gave up after 4 attempts");
        });
    assertThat(deploymentPatches()).hasSize(4);
  }

  @Test
  void aRefusalIsNotRetriedAndNamesVerbResourceAndNamespace() throws InterruptedException {
    cluster.server.expect().patch().withPath(DEPLOYMENT_PATH)
        .andReturn(403, status(403, "Forbidden", "deployments.apps \"api\" is forbidden")).always();

    assertThatThrownBy(() -> backend.deploy(network()))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getMessage())
            .contains("Failed to apply Deployment ssa/api")
            .contains("may not patch deployments.apps in namespace ssa"));
    assertThat(deploymentPatches()).hasSize(1);
    assertThat(cluster.pauses).isEmpty();
  }

  @Test
  void destroyListsEverythingBeforeDeletingSoARefusedReadDeletesNothing() throws InterruptedException {
    String selector = "?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dchainwright%2Cchainwright.io%2Fnetwork%3Dssa";
    Deployment owned = (Deployment) objects.get(1);
    cluster.server.expect().get().withPath("/apis/apps/v1/namespaces/ssa/deployments" + selector)
        .andReturn(200, new DeploymentListBuilder().withItems(owned).build()).always();
    cluster.server.expect().get().withPath("/apis/snapshot.storage.k8s.io/v1/volumesnapshotclasses" + selector)
        .andReturn(200, new io.fabric8.kubernetes.api.model.GenericKubernetesResourceList()).once();
    cluster.server.expect().get().withPath("/apis/snapshot.storage.k8s.io/v1/volumesnapshotclasses" + selector)
        .andReturn(403, status(403, "Forbidden", "volumesnapshotclasses is forbidden")).always();
    cluster.server.expect().patch().withPath(DEPLOYMENT_PATH).andReturn(200, owned).once();
    KubernetesDeployment d = backend.deploy(network());
    requests(cluster);

    assertThatThrownBy(() -> d.destroy(Teardown.KEEP_VOLUMES))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getMessage())
            .contains("may not list volumesnapshotclasses (cluster-scoped)"));
    assertThat(requests(cluster)).noneMatch(r -> r.getMethod().equals("DELETE"));
  }
}
