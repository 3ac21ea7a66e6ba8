package io.chainwright.ethereum.el;

import io.chainwright.api.Container;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.CustomGenesis;
import io.chainwright.ethereum.common.JwtSecret;
import io.chainwright.ethereum.common.StorageMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Erigon's flags, with its built-in consensus client turned off because the node brings its own. */
final class ErigonFlags implements ExecutionFlags {
  @Override
  public List<String> args(ExecutionContext c) {
    ExecutionSpec s = c.spec();
    List<String> a = new ArrayList<>();
    c.network().ifPresent(n -> a.add("--chain=" + n.id()));
    c.genesis().ifPresent(g -> a.add("--networkid=" + g.networkId()));
    a.add("--datadir=" + ContainerLayout.DATA_DIR);
    a.add("--externalcl");
    a.add("--prune.mode=" + (c.mode() == StorageMode.ARCHIVE ? "archive" : "full"));
    a.addAll(List.of("--http", "--http.addr=" + ContainerLayout.ALL_INTERFACES, "--http.port=" + s.rpcPort(),
        "--http.api=" + c.apis(), "--http.vhosts=" + c.hosts()));
    c.corsOrigins().ifPresent(o -> a.add("--http.corsdomain=" + o));
    if (s.webSocket()) {
      a.add("--ws");
    }
    a.addAll(List.of("--authrpc.addr=" + ContainerLayout.ALL_INTERFACES, "--authrpc.port=" + s.enginePort(),
        "--authrpc.vhosts=" + c.workload() + ",localhost", "--authrpc.jwtsecret=" + JwtSecret.FILE));
    a.addAll(List.of("--metrics", "--metrics.addr=" + ContainerLayout.ALL_INTERFACES, "--metrics.port=" + s.metricsPort()));
    a.add("--port=" + s.p2pPort());
    s.maxPeers().ifPresent(p -> a.add("--maxpeers=" + p));
    s.natExternalIp().ifPresent(ip -> a.add("--nat=extip:" + ip));
    return a;
  }

  @Override
  public Set<Tuning> tuning() {
    return Set.of(Tuning.NAT_EXTERNAL_IP);
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
  public boolean webSocketOnRpcPort() {
    return true;
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
