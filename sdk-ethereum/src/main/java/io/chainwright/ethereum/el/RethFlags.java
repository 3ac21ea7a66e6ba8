package io.chainwright.ethereum.el;

import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.JwtSecret;
import io.chainwright.ethereum.common.StorageMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reth's flags, under its {@code node} subcommand. */
final class RethFlags implements ExecutionFlags {
  @Override
  public List<String> args(ExecutionContext c) {
    ExecutionSpec s = c.spec();
    List<String> a = new ArrayList<>();
    a.add("node");
    c.network().ifPresent(n -> a.add("--chain=" + n.id()));
    c.genesis().ifPresent(g -> a.add("--chain=" + c.genesisFile("genesis.json")));
    a.add("--datadir=" + ContainerLayout.DATA_DIR);
    // Reth keeps every state unless told to run as a full node.
    if (c.mode() == StorageMode.FULL) {
      a.add("--full");
    }
    a.addAll(List.of("--http", "--http.addr=" + ContainerLayout.ALL_INTERFACES, "--http.port=" + s.rpcPort(),
        "--http.api=" + c.apis()));
    // Reth has no host allowlist; with no CORS origins set it sends no CORS headers.
    c.corsOrigins().ifPresent(o -> a.add("--http.corsdomain=" + o));
    if (s.webSocket()) {
      a.addAll(List.of("--ws", "--ws.addr=" + ContainerLayout.ALL_INTERFACES, "--ws.port=" + s.webSocketPort(),
          "--ws.api=" + c.apis()));
      c.corsOrigins().ifPresent(o -> a.add("--ws.origins=" + o));
    }
    a.addAll(List.of("--authrpc.addr=" + ContainerLayout.ALL_INTERFACES, "--authrpc.port=" + s.enginePort(),
        "--authrpc.jwtsecret=" + JwtSecret.FILE));
    a.add("--metrics=" + ContainerLayout.ALL_INTERFACES + ":" + s.metricsPort());
    a.addAll(List.of("--port=" + s.p2pPort(), "--discovery.port=" + s.p2pPort()));
    // Reth caps inbound and outbound peers separately; the total is split between them.
    s.maxPeers().ifPresent(p -> a.addAll(List.of("--max-outbound-peers=" + Math.max(1, p / 2),
        "--max-inbound-peers=" + Math.max(1, p - p / 2))));
    s.natExternalIp().ifPresent(ip -> a.add("--nat=extip:" + ip));
    // Reth keeps the whole transaction index unless told a distance; 0 means keep it all.
    s.txLookupLimit().filter(n -> n > 0).ifPresent(n -> a.add("--prune.transaction-lookup.distance=" + n));
    s.ancientStorage().ifPresent(size -> a.add("--datadir.static-files=" + ContainerLayout.ANCIENT_DIR));
    return a;
  }

  @Override
  public Set<Tuning> tuning() {
    return Set.of(Tuning.NAT_EXTERNAL_IP, Tuning.TX_LOOKUP_LIMIT, Tuning.ANCIENT_VOLUME);
  }

  @Override
  public String peerMetric() {
    return "reth_network_connected_peers";
  }

  @Override
  public String metricsPath() {
    // Reth's metrics server answers on any path.
    return "/";
  }
}
