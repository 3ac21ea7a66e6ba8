package io.chainwright.l2.opstack;

import static io.chainwright.l2.opstack.OpStackPorts.ALL_INTERFACES;

import io.chainwright.api.EnvVar;
import java.util.ArrayList;
import java.util.List;

/** op-proposer's flags; the L1 URL and the key travel as environment read from secrets. */
final class OpProposerFlags {
  private OpProposerFlags() {}

  static List<String> args(OpStackChain c, OpProposer p) {
    List<String> a = new ArrayList<>();
    a.add("--rollup-rpc=" + OpStackPorts.http(c.nodeWorkload(), OpStackPorts.NODE_RPC));
    a.add("--game-factory-address=" + p.gameFactoryAddress());
    a.add("--game-type=" + p.gameType());
    a.add("--proposal-interval=" + p.proposalInterval());
    a.add("--poll-interval=" + p.pollInterval());
    a.addAll(List.of("--rpc.addr=" + ALL_INTERFACES, "--rpc.port=" + OpStackPorts.PROPOSER_RPC));
    a.addAll(List.of("--metrics.enabled", "--metrics.addr=" + ALL_INTERFACES, "--metrics.port=" + OpStackPorts.OP_METRICS));
    a.addAll(p.extraArgs());
    return a;
  }

  static List<EnvVar> env(OpStackChain c, OpProposer p) {
    List<EnvVar> env = new ArrayList<>();
    env.add(c.l1().orElseThrow().rpcEnv("OP_PROPOSER_L1_ETH_RPC"));
    p.privateKey().ifPresent(k -> env.add(EnvVar.fromSecret("OP_PROPOSER_PRIVATE_KEY", k.secret(), k.key())));
    env.addAll(p.extraEnv());
    return env;
  }
}
