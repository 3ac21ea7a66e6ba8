package io.chainwright.ethereum.el;

import io.chainwright.ethereum.common.ClientKind;
import io.chainwright.ethereum.common.PublicNetwork;
import java.util.Set;

/** An Ethereum execution client, with the image it runs by default and its command-line dialect. */
public enum ExecutionClient implements ClientKind {
  // Holesky was shut down in 2025; these clients' pinned releases no longer know it.
  GETH("ethereum/client-go:v1.16.7", new GethFlags(), Set.of()),
  BESU("hyperledger/besu:25.11.0", new BesuFlags(), Set.of()),
  NETHERMIND("nethermind/nethermind:1.35.2", new NethermindFlags(), Set.of(PublicNetwork.HOLESKY)),
  ERIGON("erigontech/erigon:v3.2.2", new ErigonFlags(), Set.of(PublicNetwork.HOLESKY)),
  RETH("ghcr.io/paradigmxyz/reth:v1.9.3", new RethFlags(), Set.of());

  private final String defaultImage;
  private final ExecutionFlags flags;
  private final Set<PublicNetwork> retiredNetworks;

  ExecutionClient(String defaultImage, ExecutionFlags flags, Set<PublicNetwork> retiredNetworks) {
    this.defaultImage = defaultImage;
    this.flags = flags;
    this.retiredNetworks = retiredNetworks;
  }

  @Override
  public Set<PublicNetwork> retiredNetworks() {
    return retiredNetworks;
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
