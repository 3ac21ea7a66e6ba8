package io.chainwright.ethereum.validator;

import io.chainwright.ethereum.common.ClientKind;

/** A validator client, with the image it runs by default and its command-line dialect. */
public enum ValidatorClient implements ClientKind {
  LIGHTHOUSE("sigp/lighthouse:v8.0.1", new LighthouseValidatorFlags()),
  PRYSM("gcr.io/offchainlabs/prysm/validator:v7.0.0", new PrysmValidatorFlags()),
  TEKU("consensys/teku:25.11.1", new TekuValidatorFlags());

  private final String defaultImage;
  private final ValidatorFlags flags;

  ValidatorClient(String defaultImage, ValidatorFlags flags) {
    this.defaultImage = defaultImage;
    this.flags = flags;
  }

  @Override
  public String defaultImage() {
    return defaultImage;
  }

  ValidatorFlags flags() {
    return flags;
  }
}
