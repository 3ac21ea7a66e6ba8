package io.chainwright.api;

import io.chainwright.api.material.MaterialStore;

/**
 * A part that can also be a whole network: a node, a validator set or a devnet that runs alone,
 * in a network named after it.
 *
 * <pre>{@code
 * Network devnet = AnvilDevnet.builder().name("devnet").build().toNetwork();
 * }</pre>
 */
public interface StandalonePart extends NetworkPart {
  /** The part's name, which also names the network it makes alone. */
  String name();

  /** A network named after this part that holds only it, with new material. */
  default Network toNetwork() {
    return toNetwork(MaterialStore.inMemory());
  }

  /** A network named after this part that holds only it, its material kept in {@code store}. */
  default Network toNetwork(MaterialStore store) {
    return NetworkPart.network(name(), store, this);
  }
}
