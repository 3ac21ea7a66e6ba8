package io.chainwright.api;

import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.material.Materials;
import java.util.Objects;

/**
 * A piece of a network that a domain spec describes (an Ethereum node, a validator set, a rollup,
 * a prover): it adds its workloads, secrets and policies to a network being built. Parts compose,
 * and the whole network is validated once, when it is built.
 *
 * <p>What a part generates (keys, tokens, passwords) it gets from a material store, so that the same
 * store gives the same network, byte for byte, on every build.
 *
 * <pre>{@code
 * MaterialStore store = MaterialStore.directory(Path.of("materials"));
 * Network staking = NetworkPart.network("staking", store, node, validators);
 * }</pre>
 */
public interface NetworkPart {
  /**
   * Adds this part's workloads, secrets and policies to {@code network}, and returns it; what it
   * generates it gets from {@code materials}, made there the first time.
   */
  Network.Builder addTo(Network.Builder network, Materials materials);

  /** As {@link #addTo(Network.Builder, Materials)} with {@link Materials#ephemeral()} material: new on every call. */
  default Network.Builder addTo(Network.Builder network) {
    return addTo(network, Materials.ephemeral());
  }

  /**
   * A network named {@code name} made of {@code parts}, added in order, their material kept in
   * {@code store} under the network's name.
   *
   * @throws ValidationException listing every problem of the whole network, such as two parts using one workload name
   */
  static Network network(String name, MaterialStore store, NetworkPart... parts) {
    Materials materials = Objects.requireNonNull(store, "store").forNetwork(name);
    Network.Builder builder = Network.builder().name(name);
    for (NetworkPart part : parts) {
      builder = Objects.requireNonNull(part, "part").addTo(builder, materials);
    }
    return builder.build();
  }

  /** As {@link #network(String, MaterialStore, NetworkPart...)} with a fresh in-memory store: new material on every call. */
  static Network network(String name, NetworkPart... parts) {
    return network(name, MaterialStore.inMemory(), parts);
  }
}
