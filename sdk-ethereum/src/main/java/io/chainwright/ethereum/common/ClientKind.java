package io.chainwright.ethereum.common;

import java.util.Locale;
import java.util.Set;

/** What every kind of Ethereum client offers: the image it runs unless told otherwise, and its lower-case id. */
public interface ClientKind {
  /** The enum constant's name, e.g. {@code GETH}. */
  String name();

  /** The image used unless the spec names another. */
  String defaultImage();

  /** Public networks the pinned version no longer knows, because they were shut down; none unless said. */
  default Set<PublicNetwork> retiredNetworks() {
    return Set.of();
  }

  /** True when the pinned version can join {@code network}. */
  default boolean knows(PublicNetwork network) {
    return !retiredNetworks().contains(network);
  }

  /** The client's name in lower case, used in workload names, e.g. {@code geth}. */
  default String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
