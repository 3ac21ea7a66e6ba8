package io.chainwright.ethereum.cl;

import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.JwtSecret;
import java.util.ArrayList;
import java.util.List;

/** Prysm's beacon-chain flags. */
final class PrysmFlags implements ConsensusFlags {
  @Override
  public List<String> args(ConsensusContext c) {
    ConsensusSpec s = c.spec();
    List<String> a = new ArrayList<>();
    // Prysm otherwise waits for a typed acceptance on first start, which never comes in a container.
    a.add("--accept-terms-of-use");
    c.network().ifPresent(n -> a.add("--" + n.id()));
    c.genesis().ifPresent(g -> a.addAll(List.of("--chain-config-file=" + c.genesisFile("config.yaml"),
        "--genesis-state=" + c.genesisFile("genesis.ssz"))));
    a.add("--datadir=" + ContainerLayout.DATA_DIR);
    a.addAll(List.of("--execution-endpoint=" + c.executionEndpoint(), "--jwt-secret=" + JwtSecret.FILE));
    c.checkpoint().ifPresent(u -> a.addAll(List.of("--checkpoint-sync-url=" + u, "--genesis-beacon-api-url=" + u)));
    a.addAll(List.of("--http-host=" + ContainerLayout.ALL_INTERFACES, "--http-port=" + s.httpPort()));
    c.corsOrigins().ifPresent(o -> a.add("--http-cors-domain=" + o));
    a.addAll(List.of("--monitoring-host=" + ContainerLayout.ALL_INTERFACES, "--monitoring-port=" + s.metricsPort()));
    a.addAll(List.of("--p2p-tcp-port=" + s.p2pPort(), "--p2p-udp-port=" + s.p2pPort()));
    s.targetPeers().ifPresent(p -> a.add("--p2p-max-peers=" + p));
    return a;
  }
}
