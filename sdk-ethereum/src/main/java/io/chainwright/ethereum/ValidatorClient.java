package io.chainwright.ethereum;

import java.util.Locale;

/** A validator client, with the image it runs by default and its command-line dialect. */
public enum ValidatorClient {
  LIGHTHOUSE("sigp/lighthouse:v8.0.1", new LighthouseValidatorFlags()),
  PRYSM("gcr.io/offchainlabs/prysm/validator:v7.0.0", new PrysmValidatorFlags()),
  TEKU("consensys/teku:25.11.1", new TekuValidatorFlags());

  private final String defaultImage;
  private final ValidatorFlags flags;

  ValidatorClient(String defaultImage, ValidatorFlags flags) {
    this.defaultImage = defaultImage;
    this.flags = flags;
  }

  /** The image used unless the spec names another. */
  public String defaultImage() {
    return defaultImage;
  }

  /** The client's name in lower case. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  ValidatorFlags flags() {
    return flags;
  }
}
