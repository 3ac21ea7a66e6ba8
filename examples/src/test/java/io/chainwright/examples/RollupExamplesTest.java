package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.kubernetes.KubernetesBackend;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Layer 2 and proof-service examples read back as typed Kubernetes objects and show what each is for. */
class RollupExamplesTest {
  private static List<HasMetadata> typed(Network network) {
    return ((List<?>) new KubernetesSerialization().unmarshal(KubernetesBackend.create().render(network).yaml())).stream()
        .map(HasMetadata.class::cast).toList();
  }

  private static List<String> statefulSets(Network network) {
    return typed(network).stream().filter(StatefulSet.class::isInstance).map(o -> o.getMetadata().getName()).toList();
  }

  @Test
  void theL2ExamplesAreAmongAllExamples() {
    assertThat(Examples.all(MaterialStore.inMemory())).extracting(Network::name)
        .contains("op-sepolia", "op-stack", "base-mainnet", "zksync-era", "polygon-cdk", "zk-provers");
  }

  @Test
  void theOpNodesPairOpGethWithOpNode() {
    assertThat(statefulSets(OpSepoliaExample.network(MaterialStore.inMemory()))).containsExactly("op-sepolia-op-geth", "op-sepolia-op-node");
    assertThat(statefulSets(BaseNodeExample.network(MaterialStore.inMemory()))).containsExactly("base-op-geth", "base-op-node");
    assertThat(typed(OpStackExample.network(MaterialStore.inMemory()))).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .contains("StatefulSet/sepolia-geth", "StatefulSet/sepolia-lighthouse", "StatefulSet/devnet-op-geth",
            "StatefulSet/devnet-op-node", "Deployment/devnet-op-batcher", "Deployment/devnet-op-proposer");
  }

  @Test
  void theZkExamplesRunTheirDatabasesAndProvers() {
    assertThat(statefulSets(ZkSyncExample.network(MaterialStore.inMemory()))).containsExactly("era-postgres", "era-server");
    assertThat(statefulSets(PolygonCdkExample.network(MaterialStore.inMemory()))).containsExactly("cdk-state-db", "cdk-pool-db", "cdk-bridge-db");
    assertThat(typed(PolygonCdkExample.network(MaterialStore.inMemory()))).filteredOn(o -> o.getKind().equals("Deployment"))
        .extracting(o -> o.getMetadata().getName())
        .containsExactlyInAnyOrder("cdk-prover", "cdk-rpc", "cdk-synchronizer", "cdk-sequencer", "cdk-aggregator", "cdk-bridge");
  }

  @Test
  void theProofServiceScalesOnDcgmAndQueueAndShipsItsMigLayouts() {
    List<HasMetadata> objects = typed(ProverExample.network(MaterialStore.inMemory()));

    assertThat(objects).filteredOn(HorizontalPodAutoscaler.class::isInstance).map(HorizontalPodAutoscaler.class::cast)
        .singleElement().satisfies(h -> assertThat(h.getSpec().getMetrics())
            .extracting(m -> m.getPods() != null ? m.getPods().getMetric().getName() : m.getExternal().getMetric().getName())
            .containsExactly("DCGM_FI_DEV_GPU_UTIL", "proof_queue_length"));
    assertThat(objects).filteredOn(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
        .anySatisfy(c -> assertThat(c.getData().get("config.yaml")).contains("all-3g.40gb:", "\"3g.40gb\": 2"));
    assertThat(objects).extracting(HasMetadata::getKind).contains("ClusterPolicy", "ResourceQuota");
  }
}
