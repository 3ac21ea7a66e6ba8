package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Network;
import io.chainwright.api.Workload;
import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.diagram.MermaidDiagram;
import io.chainwright.api.material.MaterialStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The example pictures show how their workloads connect: no box stands alone unless it has a reason to. */
class DiagramExamplesTest {
  /** Workloads nothing reaches and that reach nothing inside the network, and why. */
  private static final Map<String, String> ALONE_FOR_A_REASON = Map.of(
      "devnet/anvil", "the network's only workload; callers reach it through the deployment's endpoint",
      "zk-provers/prover", "takes its work from a queue whose address is a secret, which a picture does not read",
      "zksync-era/era-prover", "reaches its database through a URL kept in a secret, which a picture does not read",
      "rpc-edge/node-exporter", "a daemon that the monitoring stack, outside the network, scrapes",
      "rpc-edge/log-pruner", "a cron job that prunes a volume of its own");

  @Test
  void everyWorkloadInEveryExamplePictureIsConnected() {
    List<String> alone = new ArrayList<>();
    for (Network network : Examples.all(MaterialStore.inMemory())) {
      List<String> edges = MermaidDiagram.of(network).lines()
          .filter(l -> l.contains("-->") || l.contains("-.->")).toList();
      for (Workload w : network.workloads()) {
        Optional<String> group = Optional.ofNullable(w.labels().get(OwnershipLabels.GROUP));
        boolean connected = edges.stream().anyMatch(e -> mentions(e, "w_" + id(w.name()))
            || group.filter(g -> mentions(e, "g_" + id(g))).isPresent());
        if (!connected && !ALONE_FOR_A_REASON.containsKey(network.name() + "/" + w.name())) {
          alone.add(network.name() + "/" + w.name());
        }
      }
    }
    assertThat(alone).isEmpty();
  }

  private static boolean mentions(String edge, String id) {
    return edge.matches(".*(^|\\s)" + id + "(\\s|$).*");
  }

  private static String id(String name) {
    return name.replaceAll("[^A-Za-z0-9_]", "_");
  }
}
