package io.chainwright.l2.arbitrum;

/** Arbitrum chains a Nitro node knows by chain id. */
public enum ArbitrumChain {
  ONE(42161),
  NOVA(42170),
  SEPOLIA(421614);

  private final long chainId;

  ArbitrumChain(long chainId) {
    this.chainId = chainId;
  }

  public long chainId() {
    return chainId;
  }
}
