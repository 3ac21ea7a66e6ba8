package io.chainwright.ethereum;

import io.chainwright.api.Container;
import io.chainwright.api.Network;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.material.Materials;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.el.ExecutionContext;
import io.chainwright.ethereum.el.ExecutionSpec;
import java.util.List;

/**
 * The network of a node during offline pruning: the execution client does not run; in its place
 * (same workload, same data) the client's pruning command runs first, then an idle container
 * keeps the replica up so that "ready" means "pruned". Deploying the node's normal network again
 * brings the client back.
 */
final class PruningWindow {
  /** About 68 years: the idle container outlives any window. */
  static final String IDLE_SECONDS = "2147483647";

  private PruningWindow() {}

  static Network of(EthereumNode node, Materials materials) {
    ExecutionSpec spec = node.execution();
    ExecutionContext c = new ExecutionContext(node.executionWorkload(), spec, node.network(), node.customGenesis(), node.mode(), node.rpcExposure());
    List<String> prune = spec.client().flags().offlinePruneArgs(c).orElseThrow(() -> new ValidationException(List.of(
        new Violation("execution.client", spec.client().id() + " has no offline pruning in this setting (mode "
            + node.mode() + ", state scheme " + spec.stateScheme().map(Enum::name).orElse("default")
            + "); it prunes while running, or keeps everything"))));
    NodeCompiler.CompiledNode compiled = NodeCompiler.compile(node, materials);
    Workload running = compiled.execution();
    Container client = running.containers().get(0);
    List<VolumeMount> mounts = client.mounts().stream().filter(m -> !m.volume().equals("jwt")).toList();
    Container pruneStep = Container.builder().name("prune").image(client.image()).command(client.command())
        .args(prune).mounts(mounts).resources(client.resources()).build();
    Container idle = Container.builder().name(client.name()).image(client.image())
        .addCommand("sleep").addArgs(IDLE_SECONDS).addMount(VolumeMount.of("tmp", ContainerLayout.TMP)).build();
    Workload pruning = Workload.builder().from(running)
        .addInitContainer(pruneStep)
        .containers(List.of(idle))
        .metrics(java.util.Optional.empty())
        // An annotation, not a label: labels reach the selector and claim templates, which a StatefulSet cannot change.
        .putAnnotation("ethereum.chainwright.io/maintenance", "offline-pruning")
        .build();
    return Network.builder().name(node.name()).addWorkload(pruning).addWorkload(compiled.consensus())
        .addSecret(compiled.jwt()).build();
  }
}
