package io.chainwright.l2.opstack;

/** The ports and paths every OP Stack container of a chain uses; each service runs in its own workload, so numbers may repeat. */
final class OpStackPorts {
  static final int GETH_RPC = 8545;
  static final int GETH_WS = 8546;
  static final int GETH_ENGINE = 8551;
  static final int GETH_METRICS = 6060;
  static final int NODE_RPC = 9545;
  static final int NODE_P2P = 9222;
  /** op-node, op-batcher and op-proposer all default their metrics to this port. */
  static final int OP_METRICS = 7300;
  static final int BATCHER_RPC = 8548;
  static final int PROPOSER_RPC = 8560;

  static final String DATA_DIR = "/data";
  static final String CONFIG_DIR = "/config";
  static final String ALL_INTERFACES = "0.0.0.0";

  private OpStackPorts() {}

  static String http(String workload, int port) {
    return "http://" + workload + ":" + port;
  }
}
