package io.chainwright.ethereum.cl;

import io.chainwright.ethereum.common.ClientKind;

/** An Ethereum consensus (beacon) client, with the image it runs by default and its command-line dialect. */
public enum ConsensusClient implements ClientKind {
  LIGHTHOUSE("sigp/lighthouse:v8.0.1", new LighthouseFlags()),
  PRYSM("gcr.io/offchainlabs/prysm/beacon-chain:v7.0.0", new PrysmFlags()),
  TEKU("consensys/teku:25.11.1", new TekuFlags()),
  NIMBUS("statusim/nimbus-eth2:multiarch-v25.11.0", new NimbusFlags()),
  LODESTAR("chainsafe/lodestar:v1.36.0", new LodestarFlags());

  private final String defaultImage;
  private final ConsensusFlags flags;

  ConsensusClient(String defaultImage, ConsensusFlags flags) {
    this.defaultImage = defaultImage;
    this.flags = flags;
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
