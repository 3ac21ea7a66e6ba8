package io.chainwright.ethereum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Hyperledger Besu's flags. */
final class BesuFlags implements ExecutionFlags {
  @Override
  public List<String> args(ExecutionContext c) {
    ExecutionSpec s = c.spec();
    List<String> a = new ArrayList<>();
    c.network().ifPresent(n -> a.add("--network=" + n.id()));
    c.genesis().ifPresent(g -> a.addAll(List.of("--genesis-file=" + c.genesisFile("genesis.json"), "--network-id=" + g.networkId())));
    a.add("--data-path=" + ExecutionContext.DATA_DIR);
    if (c.mode() == StorageMode.ARCHIVE) {
      a.addAll(List.of("--sync-mode=FULL", "--data-storage-format=FOREST"));
    } else {
      a.addAll(List.of("--sync-mode=SNAP", "--data-storage-format=BONSAI"));
    }
    String apis = c.apis().toUpperCase(Locale.ROOT);
    a.addAll(List.of("--rpc-http-enabled=true", "--rpc-http-host=" + ExecutionContext.ALL_INTERFACES,
        "--rpc-http-port=" + s.rpcPort(), "--rpc-http-api=" + apis, "--host-allowlist=" + c.hosts()));
    c.corsOrigins().ifPresent(o -> a.add("--rpc-http-cors-origins=" + o));
    if (s.webSocket()) {
      a.addAll(List.of("--rpc-ws-enabled=true", "--rpc-ws-host=" + ExecutionContext.ALL_INTERFACES,
          "--rpc-ws-port=" + s.webSocketPort(), "--rpc-ws-api=" + apis));
    }
    a.addAll(List.of("--engine-rpc-port=" + s.enginePort(), "--engine-host-allowlist=" + c.workload() + ",localhost",
        "--engine-jwt-secret=" + ExecutionContext.JWT_FILE));
    a.addAll(List.of("--metrics-enabled=true", "--metrics-host=" + ExecutionContext.ALL_INTERFACES,
        "--metrics-port=" + s.metricsPort()));
    a.add("--p2p-port=" + s.p2pPort());
    s.maxPeers().ifPresent(p -> a.add("--max-peers=" + p));
    return a;
  }

  @Override
  public String metricsPath() {
    return "/metrics";
  }
}
