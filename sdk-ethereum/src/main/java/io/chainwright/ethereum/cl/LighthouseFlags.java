package io.chainwright.ethereum.cl;

import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.CustomGenesis;
import io.chainwright.ethereum.common.JwtSecret;
import java.util.ArrayList;
import java.util.List;

/** Lighthouse's beacon node flags. */
final class LighthouseFlags implements ConsensusFlags {
  @Override
  public List<String> command() {
    return List.of("lighthouse");
  }

  @Override
  public List<String> args(ConsensusContext c) {
    ConsensusSpec s = c.spec();
    List<String> a = new ArrayList<>(List.of("beacon_node"));
    c.network().ifPresent(n -> a.add("--network=" + n.id()));
    c.genesis().ifPresent(g -> a.add("--testnet-dir=" + CustomGenesis.PATH));
    a.add("--datadir=" + ContainerLayout.DATA_DIR);
    a.addAll(List.of("--execution-endpoint=" + c.executionEndpoint(), "--execution-jwt=" + JwtSecret.FILE));
    c.checkpoint().ifPresent(u -> a.add("--checkpoint-sync-url=" + u));
    if (c.genesisSync()) {
      a.add("--allow-insecure-genesis-sync");
    }
    a.addAll(List.of("--http", "--http-address=" + ContainerLayout.ALL_INTERFACES, "--http-port=" + s.httpPort()));
    c.corsOrigins().ifPresent(o -> a.add("--http-allow-origin=" + o));
    a.addAll(List.of("--metrics", "--metrics-address=" + ContainerLayout.ALL_INTERFACES, "--metrics-port=" + s.metricsPort()));
    a.addAll(List.of("--port=" + s.p2pPort(), "--disable-upnp"));
    s.targetPeers().ifPresent(p -> a.add("--target-peers=" + p));
    return a;
  }
}
