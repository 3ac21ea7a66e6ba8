package io.chainwright.l2.opstack;

import io.chainwright.ethereum.common.PublicNetwork;

/**
 * OP Stack chains whose rollup config and genesis op-node and op-geth know by name (from the
 * Superchain registry), with the sequencer that replicas forward transactions to.
 */
public enum OpNetwork {
  OP_MAINNET("op-mainnet", 10, "https://mainnet-sequencer.optimism.io", PublicNetwork.MAINNET),
  OP_SEPOLIA("op-sepolia", 11155420, "https://sepolia-sequencer.optimism.io", PublicNetwork.SEPOLIA),
  BASE_MAINNET("base-mainnet", 8453, "https://mainnet-sequencer.base.org", PublicNetwork.MAINNET),
  BASE_SEPOLIA("base-sepolia", 84532, "https://sepolia-sequencer.base.org", PublicNetwork.SEPOLIA);

  private final String id;
  private final long chainId;
  private final String sequencerUrl;
  private final PublicNetwork l1;

  OpNetwork(String id, long chainId, String sequencerUrl, PublicNetwork l1) {
    this.id = id;
    this.chainId = chainId;
    this.sequencerUrl = sequencerUrl;
    this.l1 = l1;
  }

  /** The name op-node's {@code --network} and op-geth's {@code --op-network} take. */
  public String id() {
    return id;
  }

  public long chainId() {
    return chainId;
  }

  /** Where replicas send the transactions they receive. */
  public String sequencerUrl() {
    return sequencerUrl;
  }

  /** The L1 the chain settles on. */
  public PublicNetwork l1() {
    return l1;
  }
}
