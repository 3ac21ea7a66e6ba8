package io.chainwright.ethereum.el;

import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.JwtSecret;
import io.chainwright.ethereum.common.StorageMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Nethermind's flags: a named config per network, then {@code --Section.Option=value} overrides. */
final class NethermindFlags implements ExecutionFlags {
  @Override
  public List<String> args(ExecutionContext c) {
    ExecutionSpec s = c.spec();
    List<String> a = new ArrayList<>();
    String archive = c.mode() == StorageMode.ARCHIVE ? "_archive" : "";
    c.network().ifPresent(n -> a.add("--config=" + n.id() + archive));
    // Without a named config Nethermind loads mainnet's; "none" keeps mainnet's sync settings off a private chain.
    c.genesis().ifPresent(g -> a.addAll(List.of("--config=none", "--Init.ChainSpecPath=" + c.genesisFile("chainspec.json"))));
    a.add("--data-dir=" + ContainerLayout.DATA_DIR);
    // Logs would otherwise go beside the program, which a read-only root file system does not allow.
    a.add("--Init.LogDirectory=" + ContainerLayout.DATA_DIR + "/logs");
    a.addAll(List.of("--JsonRpc.Enabled=true", "--JsonRpc.Host=" + ContainerLayout.ALL_INTERFACES,
        "--JsonRpc.Port=" + s.rpcPort(), "--JsonRpc.EnabledModules=" + c.apis()));
    // Nethermind has no host allowlist; with no CORS origins set it answers no browser preflight for other sites.
    c.corsOrigins().ifPresent(o -> a.add("--JsonRpc.CorsOrigins=" + o));
    if (s.webSocket()) {
      a.addAll(List.of("--Init.WebSocketsEnabled=true", "--JsonRpc.WebSocketsPort=" + s.webSocketPort()));
    }
    a.addAll(List.of("--JsonRpc.EngineHost=" + ContainerLayout.ALL_INTERFACES, "--JsonRpc.EnginePort=" + s.enginePort(),
        "--JsonRpc.JwtSecretFile=" + JwtSecret.FILE));
    a.addAll(List.of("--Metrics.Enabled=true", "--Metrics.ExposeHost=" + ContainerLayout.ALL_INTERFACES,
        "--Metrics.ExposePort=" + s.metricsPort()));
    a.addAll(List.of("--Network.P2PPort=" + s.p2pPort(), "--Network.DiscoveryPort=" + s.p2pPort()));
    s.maxPeers().ifPresent(p -> a.add("--Network.MaxActivePeers=" + p));
    s.natExternalIp().ifPresent(ip -> a.add("--Network.ExternalIp=" + ip));
    s.txLookupLimit().ifPresent(n -> a.add("--Receipt.TxLookupLimit=" + n));
    // Nethermind's path-like layout is called HalfPath.
    s.stateScheme().ifPresent(scheme -> a.add("--Init.StateDbKeyScheme=" + (scheme == StateScheme.PATH ? "HalfPath" : "Hash")));
    return a;
  }

  @Override
  public Set<Tuning> tuning() {
    return Set.of(Tuning.NAT_EXTERNAL_IP, Tuning.TX_LOOKUP_LIMIT, Tuning.STATE_SCHEME);
  }

  @Override
  public String peerMetric() {
    return "nethermind_sync_peers";
  }

  @Override
  public String metricsPath() {
    return "/metrics";
  }
}
