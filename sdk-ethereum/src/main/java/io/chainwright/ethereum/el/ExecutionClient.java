package io.chainwright.ethereum.el;

import io.chainwright.ethereum.common.ClientKind;

/** An Ethereum execution client, with the image it runs by default and its command-line dialect. */
public enum ExecutionClient implements ClientKind {
  GETH("ethereum/client-go:v1.16.7", new GethFlags()),
  BESU("hyperledger/besu:25.11.0", new BesuFlags()),
  NETHERMIND("nethermind/nethermind:1.35.2", new NethermindFlags()),
  ERIGON("erigontech/erigon:v3.2.2", new ErigonFlags()),
  RETH("ghcr.io/paradigmxyz/reth:v1.9.3", new RethFlags());

  private final String defaultImage;
  private final ExecutionFlags flags;

  ExecutionClient(String defaultImage, ExecutionFlags flags) {
    this.defaultImage = defaultImage;
    this.flags = flags;
  }

  @Override
  public String defaultImage() {
    return defaultImage;
  }

  /** The client's command-line dialect at its pinned version. */
  public ExecutionFlags flags() {
    return flags;
  }
}
