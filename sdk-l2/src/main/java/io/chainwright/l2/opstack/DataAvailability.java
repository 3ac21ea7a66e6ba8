package io.chainwright.l2.opstack;

import java.util.Locale;

/** Where an {@link OpBatcher} puts batch data on L1. */
public enum DataAvailability {
  BLOBS,
  CALLDATA,
  /** Switches between the two on L1 prices. */
  AUTO;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
