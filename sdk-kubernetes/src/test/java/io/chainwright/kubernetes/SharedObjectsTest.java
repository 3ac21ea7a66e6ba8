package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.Container;
import io.chainwright.api.Gpu;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Resources;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.MigLayout;
import io.chainwright.api.policy.MigStrategy;
import io.chainwright.api.policy.StorageClass;
import io.chainwright.api.policy.StorageClasses;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.kubernetes.cluster.ApplyMode;
import io.chainwright.kubernetes.render.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Objects two networks both use (cluster-scoped ones, or a shared namespace's policies): rendered alike, refused when they differ, never deleted by either. */
class SharedObjectsTest {
  private static Network network(String name, StorageClass storage) {
    Workload node = Workload.builder().name("node").addVolume(DataVolume.builder().name("data").size("10Gi").storageClass(storage.name()).build())
        .addContainer(Container.builder().name("node").image(Image.of("example/node:1")).build()).build();
    return Network.builder().name(name).putLabel("team", name).addWorkload(node).addStorageClass(storage).build();
  }

  private static String storageClassYaml(KubernetesRendering rendering) {
    return rendering.files().entrySet().stream().filter(e -> e.getKey().contains("storageclass-chain-data"))
        .map(Map.Entry::getValue).findFirst().orElseThrow();
  }

  @Test
  void twoNetworksRenderTheStorageClassTheyShareByteForByteTheSame() {
    List<KubernetesRendering> both = KubernetesBackend.create().render(List.of(
        network("eth-mainnet", StorageClasses.awsGp3("chain-data")), network("mainnet-rpc", StorageClasses.awsGp3("chain-data"))));

    assertThat(storageClassYaml(both.get(1))).isEqualTo(storageClassYaml(both.get(0)))
        .contains(Labels.SHARED).doesNotContain(Labels.NETWORK).doesNotContain("team");
  }

  @Test
  void twoNetworksDefiningOneSharedNameDifferentlyAreRefusedWithEveryProblem() {
    StorageClass other = StorageClass.builder().name("chain-data").provisioner("pd.csi.storage.gke.io").build();

    assertThatThrownBy(() -> KubernetesBackend.create().render(List.of(network("a", StorageClasses.awsGp3("chain-data")),
            network("b", other), network("a", StorageClasses.awsGp3("chain-data")))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::path, Violation::message)
            .anySatisfy(v -> assertThat(v.toList()).containsExactly("networks[a]", "is given twice; network names are unique in a cluster"))
            .anySatisfy(v -> assertThat(v.toList().get(0)).isEqualTo("networks[b]"))
            .anySatisfy(v -> assertThat((String) v.toList().get(1)).contains("StorageClass chain-data", "'a'", "differently")));
  }

  private static Network provers(String name, MigLayout layout) {
    Workload prover = Workload.builder().name("prover").addContainer(Container.builder().name("prover").image(Image.of("example/prover:1"))
        .resources(Resources.builder().gpu(Gpu.mig("1g.10gb", 1)).build()).build()).build();
    return Network.builder().name(name).addWorkload(prover)
        .gpu(GpuPolicy.builder().migStrategy(MigStrategy.MIXED).addMigLayout(layout).build())
        .isolation(IsolationPolicy.leaveOpen("gpu-operator")).build();
  }

  @Test
  void twoNetworksAskingTheGpuOperatorForDifferentMigLayoutsAreRefused() {
    assertThatThrownBy(() -> KubernetesBackend.create().render(List.of(
            provers("zk-a", MigLayout.uniform("1g.10gb", 7)), provers("zk-b", MigLayout.uniform("3g.40gb", 2)))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::message)
            .anySatisfy(m -> assertThat(m).contains("ConfigMap gpu-operator/chainwright-mig-layouts", "'zk-a'")));
  }

  @Test
  void aNamespaceAnotherOperatorOwnsIsRenderedSharedAndWithoutPodSecurityLabels() {
    Network zk = provers("zk", MigLayout.uniform("1g.10gb", 7));

    List<HasMetadata> objects = KubernetesBackend.create().render(zk).objects();

    assertThat(objects).filteredOn(o -> "gpu-operator".equals(o.getMetadata().getNamespace())).isNotEmpty();
    assertThat(objects).filteredOn(Namespace.class::isInstance).extracting(o -> o.getMetadata().getName())
        .containsExactly("zk", "gpu-operator");
    Namespace operator = (Namespace) objects.stream().filter(o -> o.getMetadata().getName().equals("gpu-operator")).findFirst().orElseThrow();
    assertThat(operator.getMetadata().getLabels()).containsOnlyKeys(Labels.MANAGED_BY, Labels.SHARED);
  }

  @Test
  void neitherPruneNorTeardownOfOneNetworkDeletesTheStorageClassItShares() {
    try (MockCluster cluster = MockCluster.crud()) {
      KubernetesBackend backend = cluster.backend(ApplyMode.CREATE_OR_UPDATE).build();
      backend.deploy(network("a", StorageClasses.awsGp3("chain-data")));
      backend.deploy(network("b", StorageClasses.awsGp3("chain-data")));

      backend.deploy(Network.builder().name("a").build());
      assertThat(cluster.client.storage().v1().storageClasses().withName("chain-data").get()).as("after a's prune").isNotNull();

      backend.deploy(network("b", StorageClasses.awsGp3("chain-data"))).destroy(Teardown.DELETE_ALL_VOLUMES);
      assertThat(cluster.client.storage().v1().storageClasses().withName("chain-data").get()).as("after b's teardown").isNotNull();
    }
  }

  /** A network of one workload named after it, in the namespace {@code chain}, denying by default. */
  private static Network inSharedNamespace(String name) {
    return Network.builder().name(name).namespace("chain").addWorkload(Workload.builder().name(name + "-node")
        .addContainer(Container.builder().name("node").image(Image.of("example/node:1")).build()).build()).build();
  }

  @Test
  void networksSharingANamespaceShareItsDenyAndDnsPoliciesAndTearingOneDownKeepsThem() {
    List<KubernetesRendering> both = KubernetesBackend.create().render(List.of(inSharedNamespace("a"), inSharedNamespace("b")));
    for (String name : List.of("default-deny", "allow-dns")) {
      List<HasMetadata> policies = both.stream().map(r -> r.objects().stream()
          .filter(o -> o instanceof NetworkPolicy && o.getMetadata().getName().equals(name)).findFirst().orElseThrow()).toList();
      assertThat(policies.get(1)).as(name + " alike from both networks").isEqualTo(policies.get(0));
      assertThat(policies.get(0).getMetadata().getLabels()).as(name).containsOnlyKeys(Labels.MANAGED_BY, Labels.SHARED);
    }

    try (MockCluster cluster = MockCluster.crud()) {
      KubernetesBackend backend = cluster.backend(ApplyMode.CREATE_OR_UPDATE).build();
      backend.deploy(inSharedNamespace("a"));
      backend.deploy(inSharedNamespace("b")).destroy(Teardown.DELETE_ALL_VOLUMES);

      assertThat(cluster.client.network().networkPolicies().inNamespace("chain").list().getItems())
          .extracting(o -> o.getMetadata().getName()).as("network a's namespace still denies by default")
          .contains("default-deny", "allow-dns");
    }
  }
}
