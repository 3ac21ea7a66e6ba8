package io.chainwright.ethereum.cl;

import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.JwtSecret;
import java.util.ArrayList;
import java.util.List;

/** Teku's beacon node flags. */
final class TekuFlags implements ConsensusFlags {
  @Override
  public List<String> args(ConsensusContext c) {
    ConsensusSpec s = c.spec();
    List<String> a = new ArrayList<>();
    c.network().ifPresent(n -> a.add("--network=" + n.id()));
    c.genesis().ifPresent(g -> a.addAll(List.of("--network=" + c.genesisFile("config.yaml"),
        "--genesis-state=" + c.genesisFile("genesis.ssz"))));
    a.add("--data-path=" + ContainerLayout.DATA_DIR);
    a.addAll(List.of("--ee-endpoint=" + c.executionEndpoint(), "--ee-jwt-secret-file=" + JwtSecret.FILE));
    c.checkpoint().ifPresent(u -> a.add("--checkpoint-sync-url=" + u));
    a.addAll(List.of("--rest-api-enabled=true", "--rest-api-interface=" + ContainerLayout.ALL_INTERFACES,
        "--rest-api-port=" + s.httpPort(), "--rest-api-host-allowlist=" + c.hosts()));
    c.corsOrigins().ifPresent(o -> a.add("--rest-api-cors-origins=" + o));
    // Scrapers connect by pod address, which no host list can name; the metrics port never leaves the network.
    a.addAll(List.of("--metrics-enabled=true", "--metrics-interface=" + ContainerLayout.ALL_INTERFACES,
        "--metrics-port=" + s.metricsPort(), "--metrics-host-allowlist=*"));
    a.add("--p2p-port=" + s.p2pPort());
    s.targetPeers().ifPresent(p -> a.add("--p2p-peer-upper-bound=" + p));
    return a;
  }
}
