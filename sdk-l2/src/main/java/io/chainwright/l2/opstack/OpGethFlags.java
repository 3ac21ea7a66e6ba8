package io.chainwright.l2.opstack;

import static io.chainwright.l2.opstack.OpStackPorts.ALL_INTERFACES;

import io.chainwright.ethereum.common.JwtSecret;
import io.chainwright.ethereum.common.StorageMode;
import java.util.ArrayList;
import java.util.List;

/** op-geth's flags: go-ethereum's, plus the rollup ones. */
final class OpGethFlags {
  private OpGethFlags() {}

  static List<String> args(OpStackChain c) {
    List<String> a = new ArrayList<>();
    a.add("--datadir=" + OpStackPorts.DATA_DIR);
    c.network().ifPresent(n -> a.add("--op-network=" + n.id()));
    // Rollup blocks come from op-node, so op-geth always executes them in full; snap sync does not apply.
    a.add("--syncmode=full");
    a.add("--gcmode=" + (c.mode() == StorageMode.ARCHIVE ? "archive" : "full"));
    c.sequencerUrl().ifPresent(url -> {
      a.add("--rollup.sequencerhttp=" + url);
      // A replica forwards transactions to the sequencer instead of gossiping them.
      a.add("--rollup.disabletxpoolgossip=true");
    });
    String hosts = c.gethWorkload() + ",localhost";
    a.addAll(List.of("--http", "--http.addr=" + ALL_INTERFACES, "--http.port=" + OpStackPorts.GETH_RPC,
        "--http.api=eth,net,web3", "--http.vhosts=" + hosts));
    a.addAll(List.of("--ws", "--ws.addr=" + ALL_INTERFACES, "--ws.port=" + OpStackPorts.GETH_WS, "--ws.api=eth,net,web3"));
    a.addAll(List.of("--authrpc.addr=" + ALL_INTERFACES, "--authrpc.port=" + OpStackPorts.GETH_ENGINE,
        "--authrpc.vhosts=" + hosts, "--authrpc.jwtsecret=" + JwtSecret.FILE));
    a.addAll(List.of("--metrics", "--metrics.addr=" + ALL_INTERFACES, "--metrics.port=" + OpStackPorts.GETH_METRICS));
    // op-node brings the blocks; op-geth needs no peers of its own.
    a.addAll(List.of("--nodiscover", "--maxpeers=0"));
    a.addAll(c.extraGethArgs());
    return a;
  }

  /** The one-off step that writes a custom chain's genesis into the data dir. */
  static List<String> initArgs() {
    return List.of("init", "--datadir=" + OpStackPorts.DATA_DIR, OpStackPorts.CONFIG_DIR + "/genesis.json");
  }
}
