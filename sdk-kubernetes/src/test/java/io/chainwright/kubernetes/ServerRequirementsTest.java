package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Workload;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.kubernetes.cluster.ApplyMode;
import io.chainwright.kubernetes.cluster.Outcome;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A network whose pods run native sidecars is refused, before anything is applied, by a server
 * too old to run them (1.20.2 answered "field not declared in schema" for each such object, after
 * applying the ones before it), and deployed as usual by one that can.
 */
class ServerRequirementsTest {
  private final MockCluster cluster = MockCluster.expectations();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static Network withSidecar() {
    Container api = Container.builder().name("api").image(Image.of("example/api:1")).build();
    Container proxy = Container.builder().name("proxy").image(Image.of("example/proxy:1")).build();
    return Network.builder().name("ssa").addWorkload(Workload.builder().name("api").addContainer(api).addSidecars(proxy).build())
        .isolation(IsolationPolicy.leaveOpen("ssa")).build();
  }

  private void serverIs(String minor, String gitVersion) {
    cluster.server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor(minor).withGitVersion(gitVersion).build());
  }

  @Test
  void aServerTooOldForNativeSidecarsIsRefusedBeforeAnythingIsApplied() throws InterruptedException {
    serverIs("20", "v1.20.2");
    KubernetesBackend backend = cluster.backend(ApplyMode.SERVER_SIDE).build();

    PlatformException e = assertThrows(PlatformException.class, () -> backend.deploy(withSidecar()));

    assertThat(e.getMessage()).contains("deploy", "network ssa", "Deployment ssa/api", "native sidecar", "1.29", "v1.20.2");
    assertThat(ServerSideApplyTest.requests(cluster)).extracting(RecordedRequest::getMethod).doesNotContain("PATCH", "POST", "PUT");
  }

  @Test
  void aServerThatRunsThemGetsTheNetwork() {
    serverIs("31+", "v1.31.4-eks-2a1b3c");
    KubernetesBackend backend = cluster.backend(ApplyMode.SERVER_SIDE).build();
    var objects = backend.render(withSidecar()).objects();
    cluster.server.expect().patch().withPath(ServerSideApplyTest.NAMESPACE_PATH).andReturn(200, objects.get(0)).once();
    cluster.server.expect().patch().withPath(ServerSideApplyTest.DEPLOYMENT_PATH).andReturn(200, objects.get(1)).once();

    assertThat(backend.deploy(withSidecar()).report().with(Outcome.CREATED)).containsExactly("Namespace ssa", "Deployment ssa/api");
  }
}
