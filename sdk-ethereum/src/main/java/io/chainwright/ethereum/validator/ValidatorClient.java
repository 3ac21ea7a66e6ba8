package io.chainwright.ethereum.validator;

import io.chainwright.ethereum.common.ClientKind;
import io.chainwright.ethereum.common.PublicNetwork;
import java.util.Set;

/** A validator client, with the image it runs by default and its command-line dialect. */
public enum ValidatorClient implements ClientKind {
  LIGHTHOUSE("sigp/lighthouse:v8.0.1", new LighthouseValidatorFlags(), Set.of()),
  // The release's network list (lib/networks) no longer has Holesky.
  LODESTAR("chainsafe/lodestar:v1.44.0", new LodestarValidatorFlags(), Set.of(PublicNetwork.HOLESKY)),
  PRYSM("gcr.io/offchainlabs/prysm/validator:v7.0.0", new PrysmValidatorFlags(), Set.of()),
  TEKU("consensys/teku:25.11.1", new TekuValidatorFlags(), Set.of());

  private final String defaultImage;
  private final ValidatorFlags flags;
  private final Set<PublicNetwork> retiredNetworks;

  ValidatorClient(String defaultImage, ValidatorFlags flags, Set<PublicNetwork> retiredNetworks) {
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

  ValidatorFlags flags() {
    return flags;
  }
}
