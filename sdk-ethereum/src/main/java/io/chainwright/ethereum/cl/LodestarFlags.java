package io.chainwright.ethereum.cl;

import io.chainwright.api.tools.FlagList;
import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.JwtSecret;
import io.chainwright.ethereum.common.LodestarOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lodestar's beacon flags. */
final class LodestarFlags implements ConsensusFlags {
  @Override
  public List<String> args(ConsensusContext c) {
    ConsensusSpec s = c.spec();
    List<String> a = new ArrayList<>(List.of("beacon"));
    c.network().ifPresent(n -> a.add("--network=" + n.id()));
    c.genesis().ifPresent(g -> a.addAll(List.of("--paramsFile=" + c.genesisFile("config.yaml"),
        "--genesisStateFile=" + c.genesisFile("genesis.ssz"))));
    a.add("--dataDir=" + ContainerLayout.DATA_DIR);
    a.addAll(List.of("--execution.urls=" + c.executionEndpoint(), "--jwt-secret=" + JwtSecret.FILE));
    c.checkpoint().ifPresent(u -> a.add("--checkpointSyncUrl=" + u));
    a.addAll(List.of("--rest", "--rest.address=" + ContainerLayout.ALL_INTERFACES, "--rest.port=" + s.httpPort()));
    c.corsOrigins().ifPresent(o -> a.add("--rest.cors=" + o));
    a.addAll(List.of("--metrics", "--metrics.address=" + ContainerLayout.ALL_INTERFACES, "--metrics.port=" + s.metricsPort()));
    a.add("--port=" + s.p2pPort());
    s.targetPeers().ifPresent(p -> a.add("--targetPeers=" + p));
    return a;
  }

  @Override
  public Optional<FlagList> pinnedOptions() {
    return Optional.of(LodestarOptions.BEACON);
  }
}
