package io.chainwright.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.CronSchedule;
import io.chainwright.api.Network;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.policy.BackupPolicy;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import io.chainwright.ethereum.el.StateScheme;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import org.junit.jupiter.api.Test;

/** Offline pruning swaps the client for its pruning command on the same data; backups snapshot both clients on a schedule. */
class MaintenanceTest {
  private static EthereumNode hashGeth() {
    return Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE)
        .execution(ExecutionSpec.builder().client(ExecutionClient.GETH).stateScheme(StateScheme.HASH).build()).build();
  }

  @Test
  void gethPrunesItsHashStateWhileTheClientIsStopped() {
    Network window = hashGeth().pruningWindow();
    Workload el = window.workload("node-geth").orElseThrow();
    Container prune = el.initContainers().get(el.initContainers().size() - 1);
    assertThat(prune.args()).containsExactly("snapshot", "prune-state", "--datadir=/data");
    assertThat(prune.mounts()).anySatisfy(m -> assertThat(m.path()).isEqualTo("/data"));
    assertThat(el.containers()).singleElement().satisfies(idle -> {
      assertThat(idle.command()).containsExactly("sleep");
      assertThat(idle.ports()).isEmpty();
    });
    assertThat(el.volume("data")).isEqualTo(NodeCompiler.execution(hashGeth()).volume("data"));
    assertThat(window.workload("node-lighthouse")).isPresent();
  }

  @Test
  void theWindowKeepsTheSameClaimSoItPrunesTheNodesOwnData() {
    StatefulSet normal = Rendered.both(hashGeth().toNetwork()).object(StatefulSet.class, "node-geth");
    StatefulSet window = Rendered.both(hashGeth().pruningWindow()).object(StatefulSet.class, "node-geth");
    // Both are immutable on a StatefulSet: the window must apply over the running node without recreating it.
    assertThat(window.getSpec().getVolumeClaimTemplates()).isEqualTo(normal.getSpec().getVolumeClaimTemplates());
    assertThat(window.getSpec().getSelector()).isEqualTo(normal.getSpec().getSelector());
    assertThat(window.getSpec().getTemplate().getSpec().getInitContainers()).extracting(c -> c.getName()).contains("prune");
  }

  @Test
  void besuPrunesBonsaiTrieLogs() {
    Workload el = Nodes.mainnet(ExecutionClient.BESU, ConsensusClient.TEKU).build().pruningWindow()
        .workload("node-besu").orElseThrow();
    assertThat(el.initContainers()).last().satisfies(prune -> assertThat(prune.args()).containsExactly(
        "--network=mainnet", "--data-path=/data", "--data-storage-format=BONSAI", "storage", "trie-log", "prune"));
  }

  @Test
  void clientsWithoutOfflinePruningAreRefusedNamingWhy() {
    ValidationException path = Validation.refused(() -> Nodes.mainnet(ExecutionClient.GETH, ConsensusClient.LIGHTHOUSE)
        .execution(ExecutionSpec.builder().client(ExecutionClient.GETH).stateScheme(StateScheme.PATH).build()).build()
        .pruningWindow());
    assertThat(path.violations()).extracting(Violation::path).containsExactly("execution.client");
    assertThat(path.getMessage()).contains("geth", "PATH", "prunes while running");
    for (ExecutionClient client : new ExecutionClient[] {ExecutionClient.NETHERMIND, ExecutionClient.ERIGON, ExecutionClient.RETH}) {
      Validation.refused(() -> Nodes.mainnet(client, ConsensusClient.LIGHTHOUSE).build().pruningWindow());
    }
  }

  @Test
  void backupsSnapshotBothClientsOnASchedule() {
    EthereumNode node = Nodes.gethLighthouse();
    BackupPolicy backups = node.backups(CronSchedule.of("0 3 * * *"), 7, "ebs-snapshots");
    Network network = node.addTo(Network.builder().name("backed-up")).addBackup(backups).build();
    assertThat(backups.workloads()).containsExactly("node-geth", "node-lighthouse");
    Rendered rendered = Rendered.both(network);
    assertThat(rendered.object(CronJob.class, "backup-node-data").getSpec().getSchedule()).isEqualTo("0 3 * * *");
    assertThat(rendered.kubernetes()).filteredOn(GenericKubernetesResource.class::isInstance).isEmpty();
  }
}
