package io.chainwright.ethereum.common;

import java.util.Locale;

/** What every kind of Ethereum client offers: the image it runs unless told otherwise, and its lower-case id. */
public interface ClientKind {
  /** The enum constant's name, e.g. {@code GETH}. */
  String name();

  /** The image used unless the spec names another. */
  String defaultImage();

  /** The client's name in lower case, used in workload names, e.g. {@code geth}. */
  default String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
