package io.chainwright.l2.opstack;

import static io.chainwright.l2.opstack.OpStackPorts.ALL_INTERFACES;

import io.chainwright.api.EnvVar;
import java.util.ArrayList;
import java.util.List;

/** op-batcher's flags; the L1 URL and the key travel as environment read from secrets. */
final class OpBatcherFlags {
  private OpBatcherFlags() {}

  static List<String> args(OpStackChain c, OpBatcher b) {
    List<String> a = new ArrayList<>();
    a.add("--l2-eth-rpc=" + OpStackPorts.http(c.gethWorkload(), OpStackPorts.GETH_RPC));
    a.add("--rollup-rpc=" + OpStackPorts.http(c.nodeWorkload(), OpStackPorts.NODE_RPC));
    a.add("--poll-interval=" + b.pollInterval());
    a.add("--sub-safety-margin=" + b.subSafetyMargin());
    a.add("--num-confirmations=" + b.numConfirmations());
    a.add("--max-channel-duration=" + b.maxChannelDuration());
    a.add("--data-availability-type=" + b.dataAvailability().id());
    a.addAll(List.of("--rpc.addr=" + ALL_INTERFACES, "--rpc.port=" + OpStackPorts.BATCHER_RPC));
    a.addAll(List.of("--metrics.enabled", "--metrics.addr=" + ALL_INTERFACES, "--metrics.port=" + OpStackPorts.OP_METRICS));
    a.addAll(b.extraArgs());
    return a;
  }

  static List<EnvVar> env(OpStackChain c, OpBatcher b) {
    List<EnvVar> env = new ArrayList<>();
    env.add(c.l1().orElseThrow().rpcEnv("OP_BATCHER_L1_ETH_RPC"));
    b.privateKey().ifPresent(k -> env.add(EnvVar.fromSecret("OP_BATCHER_PRIVATE_KEY", k.secret(), k.key())));
    env.addAll(b.extraEnv());
    return env;
  }
}
