package io.chainwright.l2.opstack;

import static io.chainwright.l2.opstack.OpStackPorts.ALL_INTERFACES;

import io.chainwright.api.EnvVar;
import io.chainwright.ethereum.common.JwtSecret;
import io.chainwright.l2.ParentChain;
import java.util.ArrayList;
import java.util.List;

/** op-node's flags and environment; the L1 URLs travel as environment, since they may come from a secret. */
final class OpNodeFlags {
  static final String P2P_KEY_FILE = OpStackPorts.DATA_DIR + "/p2p-node-key.txt";

  private OpNodeFlags() {}

  static List<String> args(OpStackChain c) {
    List<String> a = new ArrayList<>();
    a.add("--l2=" + OpStackPorts.http(c.gethWorkload(), OpStackPorts.GETH_ENGINE));
    a.add("--l2.jwt-secret=" + JwtSecret.FILE);
    c.network().ifPresentOrElse(n -> a.add("--network=" + n.id()),
        () -> a.add("--rollup.config=" + OpStackPorts.CONFIG_DIR + "/rollup.json"));
    a.addAll(List.of("--rpc.addr=" + ALL_INTERFACES, "--rpc.port=" + OpStackPorts.NODE_RPC));
    a.addAll(List.of("--metrics.enabled", "--metrics.addr=" + ALL_INTERFACES, "--metrics.port=" + OpStackPorts.OP_METRICS));
    a.addAll(List.of("--p2p.listen.ip=" + ALL_INTERFACES, "--p2p.listen.tcp=" + OpStackPorts.NODE_P2P,
        "--p2p.listen.udp=" + OpStackPorts.NODE_P2P,
        // Kept on the data volume so that the peer identity survives restarts.
        "--p2p.priv.path=" + P2P_KEY_FILE,
        "--p2p.peerstore.path=" + OpStackPorts.DATA_DIR + "/peerstore",
        "--p2p.discovery.path=" + OpStackPorts.DATA_DIR + "/discovery"));
    if (!c.bootnodes().isEmpty()) {
      a.add("--p2p.bootnodes=" + String.join(",", c.bootnodes()));
    }
    c.sequencer().ifPresent(s -> a.addAll(List.of("--sequencer.enabled", "--sequencer.l1-confs=" + s.l1Confirmations())));
    a.addAll(c.extraNodeArgs());
    return a;
  }

  static List<EnvVar> env(OpStackChain c) {
    ParentChain l1 = c.l1().orElseThrow();
    List<EnvVar> env = new ArrayList<>();
    env.add(l1.rpcEnv("OP_NODE_L1_ETH_RPC"));
    l1.beaconEnv("OP_NODE_L1_BEACON").ifPresent(env::add);
    c.sequencer().ifPresent(s -> env.add(EnvVar.fromSecret("OP_NODE_P2P_SEQUENCER_KEY", s.p2pKey().secret(), s.p2pKey().key())));
    return env;
  }
}
