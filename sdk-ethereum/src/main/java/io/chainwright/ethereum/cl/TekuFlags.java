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
    a.addAll(List.of("--metrics-enabled=true", "--metrics-interface=" + ContainerLayout.ALL_INTERFACES,
        "--metrics-port=" + s.metricsPort(), "--metrics-host-allowlist=" + c.hosts()));
    a.add("--p2p-port=" + s.p2pPort());
    s.targetPeers().ifPresent(p -> a.add("--p2p-peer-upper-bound=" + p));
    return a;
  }

  /** Teku refuses requests whose Host header is not listed; the backend adds the replica's own address. */
  @Override
  public List<String> hostAllowlistFlags() {
    return List.of("--rest-api-host-allowlist", "--metrics-host-allowlist");
  }
}
