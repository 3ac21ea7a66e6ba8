package io.chainwright.ethereum.common;

import io.chainwright.api.Image;
import java.util.Locale;
import java.util.Optional;
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

  /** Why the client, running {@code image}, cannot join {@code network}; empty when it can. */
  default Optional<String> refusal(PublicNetwork network, Image image) {
    return knows(network) ? Optional.empty() : Optional.of(network.id() + " was shut down and " + id() + " at its pinned image "
        + image + " no longer knows it; choose hoodi or sepolia (or pin an older image of your own)");
  }

  /** The client's name in lower case, used in workload names, e.g. {@code geth}. */
  default String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
