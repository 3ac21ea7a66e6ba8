package io.chainwright.ethereum.el;

import io.chainwright.api.Container;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.CustomGenesis;
import io.chainwright.ethereum.common.JwtSecret;
import io.chainwright.ethereum.common.StorageMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** go-ethereum's flags. */
final class GethFlags implements ExecutionFlags {
  @Override
  public List<String> args(ExecutionContext c) {
    ExecutionSpec s = c.spec();
    List<String> a = new ArrayList<>();
    c.network().ifPresent(n -> a.add("--" + n.id()));
    c.genesis().ifPresent(g -> a.add("--networkid=" + g.networkId()));
    a.add("--datadir=" + ContainerLayout.DATA_DIR);
    if (c.mode() == StorageMode.ARCHIVE) {
      a.addAll(List.of("--syncmode=full", "--gcmode=archive"));
    } else {
      a.add("--syncmode=snap");
    }
    a.addAll(List.of("--http", "--http.addr=" + ContainerLayout.ALL_INTERFACES, "--http.port=" + s.rpcPort(),
        "--http.api=" + c.apis(), "--http.vhosts=" + c.hosts()));
    c.corsOrigins().ifPresent(o -> a.add("--http.corsdomain=" + o));
    if (s.webSocket()) {
      a.addAll(List.of("--ws", "--ws.addr=" + ContainerLayout.ALL_INTERFACES, "--ws.port=" + s.webSocketPort(),
          "--ws.api=" + c.apis()));
      // Geth checks WebSocket origins, not hosts; without CORS origins only non-browser callers connect.
      c.corsOrigins().ifPresent(o -> a.add("--ws.origins=" + o));
    }
    a.addAll(List.of("--authrpc.addr=" + ContainerLayout.ALL_INTERFACES, "--authrpc.port=" + s.enginePort(),
        "--authrpc.vhosts=" + c.workload() + ",localhost", "--authrpc.jwtsecret=" + JwtSecret.FILE));
    a.addAll(List.of("--metrics", "--metrics.addr=" + ContainerLayout.ALL_INTERFACES, "--metrics.port=" + s.metricsPort()));
    a.addAll(List.of("--port=" + s.p2pPort(), "--discovery.port=" + s.p2pPort()));
    s.maxPeers().ifPresent(p -> a.add("--maxpeers=" + p));
    s.natExternalIp().ifPresent(ip -> a.add("--nat=extip:" + ip));
    s.cacheMb().ifPresent(mb -> a.add("--cache=" + mb));
    s.txLookupLimit().ifPresent(n -> a.add("--history.transactions=" + n));
    s.stateScheme().ifPresent(scheme -> a.add("--state.scheme=" + scheme.name().toLowerCase(Locale.ROOT)));
    s.ancientStorage().ifPresent(size -> a.add("--datadir.ancient=" + ContainerLayout.ANCIENT_DIR));
    return a;
  }

  @Override
  public Set<Tuning> tuning() {
    return EnumSet.allOf(Tuning.class);
  }

  /** Prunes stale state of a hash-keyed database; a path-keyed one prunes itself while running. */
  @Override
  public Optional<List<String>> offlinePruneArgs(ExecutionContext c) {
    if (c.spec().stateScheme().orElse(StateScheme.HASH) == StateScheme.PATH || c.mode() == StorageMode.ARCHIVE) {
      return Optional.empty();
    }
    List<String> a = new ArrayList<>(List.of("snapshot", "prune-state", "--datadir=" + ContainerLayout.DATA_DIR));
    c.spec().ancientStorage().ifPresent(size -> a.add("--datadir.ancient=" + ContainerLayout.ANCIENT_DIR));
    return Optional.of(a);
  }

  @Override
  public String peerMetric() {
    return "p2p_peers";
  }

  @Override
  public String metricsPath() {
    return "/debug/metrics/prometheus";
  }

  @Override
  public Optional<Container> genesisInit(ExecutionContext c) {
    return c.genesis().map(g -> Container.builder().name("genesis-init").image(c.spec().effectiveImage())
        .addArgs("init", "--datadir=" + ContainerLayout.DATA_DIR, c.genesisFile("genesis.json"))
        .resources(CustomGenesis.initResources())
        .addMount(VolumeMount.of("data", ContainerLayout.DATA_DIR))
        .addMount(VolumeMount.readOnly(g.volume().name(), CustomGenesis.PATH))
        .build());
  }
}
