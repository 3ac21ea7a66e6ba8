package io.chainwright.ethereum.el;

import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.JwtSecret;
import io.chainwright.ethereum.common.StorageMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Hyperledger Besu's flags. */
final class BesuFlags implements ExecutionFlags {
  @Override
  public List<String> args(ExecutionContext c) {
    ExecutionSpec s = c.spec();
    List<String> a = new ArrayList<>();
    c.network().ifPresent(n -> a.add("--network=" + n.id()));
    c.genesis().ifPresent(g -> a.addAll(List.of("--genesis-file=" + c.genesisFile("genesis.json"), "--network-id=" + g.networkId())));
    a.add("--data-path=" + ContainerLayout.DATA_DIR);
    boolean archive = c.mode() == StorageMode.ARCHIVE;
    a.add(archive ? "--sync-mode=FULL" : "--sync-mode=SNAP");
    // Bonsai keys state by path and keeps only recent tries; Forest keys it by hash and keeps all.
    StateScheme scheme = s.stateScheme().orElse(archive ? StateScheme.HASH : StateScheme.PATH);
    a.add("--data-storage-format=" + (scheme == StateScheme.PATH ? "BONSAI" : "FOREST"));
    String apis = c.apis().toUpperCase(Locale.ROOT);
    a.addAll(List.of("--rpc-http-enabled=true", "--rpc-http-host=" + ContainerLayout.ALL_INTERFACES,
        "--rpc-http-port=" + s.rpcPort(), "--rpc-http-api=" + apis, "--host-allowlist=" + c.hosts()));
    c.corsOrigins().ifPresent(o -> a.add("--rpc-http-cors-origins=" + o));
    if (s.webSocket()) {
      a.addAll(List.of("--rpc-ws-enabled=true", "--rpc-ws-host=" + ContainerLayout.ALL_INTERFACES,
          "--rpc-ws-port=" + s.webSocketPort(), "--rpc-ws-api=" + apis));
    }
    a.addAll(List.of("--engine-rpc-port=" + s.enginePort(), "--engine-host-allowlist=" + c.workload() + ",localhost",
        "--engine-jwt-secret=" + JwtSecret.FILE));
    a.addAll(List.of("--metrics-enabled=true", "--metrics-host=" + ContainerLayout.ALL_INTERFACES,
        "--metrics-port=" + s.metricsPort()));
    a.add("--p2p-port=" + s.p2pPort());
    s.maxPeers().ifPresent(p -> a.add("--max-peers=" + p));
    // Besu announces --p2p-host; without NONE its NAT detection would replace it.
    s.natExternalIp().ifPresent(ip -> a.addAll(List.of("--nat-method=NONE", "--p2p-host=" + ip)));
    return a;
  }

  /** Besu refuses requests whose Host header is not listed; the backend adds the replica's own address. */
  @Override
  public List<String> hostAllowlistFlags() {
    return List.of("--host-allowlist");
  }

  @Override
  public Set<Tuning> tuning() {
    return Set.of(Tuning.NAT_EXTERNAL_IP, Tuning.STATE_SCHEME);
  }

  /** Prunes Bonsai's trie logs beyond the retained window; Forest (archive) keeps everything. */
  @Override
  public Optional<List<String>> offlinePruneArgs(ExecutionContext c) {
    StateScheme scheme = c.spec().stateScheme().orElse(c.mode() == StorageMode.ARCHIVE ? StateScheme.HASH : StateScheme.PATH);
    if (scheme != StateScheme.PATH) {
      return Optional.empty();
    }
    List<String> a = new ArrayList<>();
    c.network().ifPresent(n -> a.add("--network=" + n.id()));
    c.genesis().ifPresent(g -> a.add("--genesis-file=" + c.genesisFile("genesis.json")));
    a.addAll(List.of("--data-path=" + ContainerLayout.DATA_DIR, "--data-storage-format=BONSAI", "storage", "trie-log", "prune"));
    return Optional.of(a);
  }

  @Override
  public String peerMetric() {
    // The common name of EIP-2159.
    return "ethereum_peer_count";
  }

  @Override
  public String metricsPath() {
    return "/metrics";
  }
}
