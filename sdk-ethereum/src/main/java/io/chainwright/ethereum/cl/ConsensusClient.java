package io.chainwright.ethereum.cl;

import io.chainwright.ethereum.common.ClientKind;
import io.chainwright.ethereum.common.PublicNetwork;
import java.util.Set;

/** An Ethereum consensus (beacon) client, with the image it runs by default and its command-line dialect. */
public enum ConsensusClient implements ClientKind {
  // Holesky was shut down in 2025; these clients' pinned releases no longer know it.
  LIGHTHOUSE("sigp/lighthouse:v8.0.1", new LighthouseFlags(), Set.of()),
  PRYSM("gcr.io/offchainlabs/prysm/beacon-chain:v7.0.0", new PrysmFlags(), Set.of()),
  TEKU("consensys/teku:25.11.1", new TekuFlags(), Set.of()),
  NIMBUS("statusim/nimbus-eth2:multiarch-v25.11.0", new NimbusFlags(), Set.of(PublicNetwork.HOLESKY)),
  LODESTAR("chainsafe/lodestar:v1.44.0", new LodestarFlags(), Set.of(PublicNetwork.HOLESKY));

  private final String defaultImage;
  private final ConsensusFlags flags;
  private final Set<PublicNetwork> retiredNetworks;

  ConsensusClient(String defaultImage, ConsensusFlags flags, Set<PublicNetwork> retiredNetworks) {
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
  public ConsensusFlags flags() {
    return flags;
  }
}
