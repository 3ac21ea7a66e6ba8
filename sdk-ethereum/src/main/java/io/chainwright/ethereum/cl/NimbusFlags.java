package io.chainwright.ethereum.cl;

import io.chainwright.api.Container;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.CustomGenesis;
import io.chainwright.ethereum.common.JwtSecret;
import io.chainwright.ethereum.common.PublicNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Nimbus's beacon node flags; its checkpoint sync is a separate trusted-node-sync run before the node starts. */
final class NimbusFlags implements ConsensusFlags {
  @Override
  public List<String> args(ConsensusContext c) {
    ConsensusSpec s = c.spec();
    List<String> a = new ArrayList<>();
    a.add(network(c));
    a.add("--data-dir=" + ContainerLayout.DATA_DIR);
    a.addAll(List.of("--el=" + c.executionEndpoint(), "--jwt-secret=" + JwtSecret.FILE));
    a.addAll(List.of("--rest", "--rest-address=" + ContainerLayout.ALL_INTERFACES, "--rest-port=" + s.httpPort()));
    c.corsOrigins().ifPresent(o -> a.add("--rest-allow-origin=" + o));
    a.addAll(List.of("--metrics", "--metrics-address=" + ContainerLayout.ALL_INTERFACES, "--metrics-port=" + s.metricsPort()));
    a.addAll(List.of("--tcp-port=" + s.p2pPort(), "--udp-port=" + s.p2pPort()));
    s.targetPeers().ifPresent(p -> a.add("--max-peers=" + p));
    return a;
  }

  @Override
  public Optional<Container> checkpointInit(ConsensusContext c) {
    return c.checkpoint().map(url -> Container.builder().name("checkpoint-sync").image(c.spec().effectiveImage())
        .addArgs("trustedNodeSync", network(c), "--data-dir=" + ContainerLayout.DATA_DIR, "--trusted-node-url=" + url)
        .addMount(VolumeMount.of("data", ContainerLayout.DATA_DIR))
        .build());
  }

  private static String network(ConsensusContext c) {
    return "--network=" + c.network().map(PublicNetwork::id).orElse(CustomGenesis.PATH);
  }
}
