package io.chainwright.kubernetes;

import static io.chainwright.kubernetes.ServerSideApplyTest.DEPLOYMENT_PATH;
import static io.chainwright.kubernetes.ServerSideApplyTest.NAMESPACE_PATH;
import static io.chainwright.kubernetes.ServerSideApplyTest.network;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.await.Progress;
import io.chainwright.kubernetes.cluster.ApplyMode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentListBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A watch the server closes is resumed, and the wait still sees the object become ready (expectations mode). */
class WatchResumeTest {
  private static final String LIST = "/apis/apps/v1/namespaces/ssa/deployments?fieldSelector=metadata.name%3Dapi";
  private static final String WATCH = "/apis/apps/v1/namespaces/ssa/deployments?allowWatchBookmarks=true"
      + "&fieldSelector=metadata.name%3Dapi&resourceVersion=1&timeoutSeconds=600&watch=true";

  private final MockCluster cluster = MockCluster.expectations();

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void aClosedWatchIsResumedAndTheWaitCompletes() {
    KubernetesBackend backend = cluster.backend(ApplyMode.SERVER_SIDE).build();
    List<HasMetadata> objects = backend.render(network()).objects();
    Deployment waiting = new DeploymentBuilder((Deployment) objects.get(1)).editMetadata().withResourceVersion("1").endMetadata().build();
    Deployment ready = new DeploymentBuilder(waiting).editMetadata().withResourceVersion("2").endMetadata()
        .withNewStatus().withAvailableReplicas(1).withUpdatedReplicas(1).withReplicas(1)
        .addNewCondition().withType("Available").withStatus("True").endCondition().endStatus().build();
    cluster.server.expect().patch().withPath(NAMESPACE_PATH).andReturn(200, objects.get(0)).once();
    cluster.server.expect().patch().withPath(DEPLOYMENT_PATH).andReturn(200, waiting).once();
    cluster.server.expect().get().withPath(LIST)
        .andReturn(200, new DeploymentListBuilder().withMetadata(new io.fabric8.kubernetes.api.model.ListMetaBuilder().withResourceVersion("1").build()).withItems(waiting).build())
        .always();
    // The first watch is closed by the server at once, with nothing sent; only a resumed watch brings the news.
    // Every later watch brings it too: on a loaded machine the client may resume more than once.
    cluster.server.expect().get().withPath(WATCH).andUpgradeToWebSocket().open().done().once();
    cluster.server.expect().get().withPath(WATCH).andUpgradeToWebSocket().open()
        .immediately().andEmit(new WatchEvent(ready, "MODIFIED")).done().always();
    KubernetesDeployment d = backend.deploy(network());
    List<Progress> seen = new CopyOnWriteArrayList<>();

    d.awaitReady(Duration.ofSeconds(30), seen::add);

    assertThat(seen).extracting(Progress::state).containsExactly("0/1 available, 0/1 updated", "1/1 available, 1/1 updated");
  }
}
