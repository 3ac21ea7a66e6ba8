package io.chainwright.ethereum.common;

import java.util.Locale;

/** A public Ethereum network that every client knows by name. */
public enum PublicNetwork {
  MAINNET,
  SEPOLIA,
  HOLESKY,
  HOODI;

  /** The lower-case name the clients accept, e.g. {@code sepolia}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
