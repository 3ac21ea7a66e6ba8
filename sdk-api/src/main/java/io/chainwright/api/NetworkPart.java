package io.chainwright.api;

import io.chainwright.api.NetworkPart;
import java.util.Objects;

/**
 * A piece of a network that a domain spec describes (an Ethereum node, a validator set, a rollup,
 * a prover): it adds its workloads, secrets and policies to a network being built. Parts compose,
 * and the whole network is validated once, when it is built.
 *
 * <pre>{@code
 * Network staking = NetworkPart.network("staking", node, validators);
 * }</pre>
 */
public interface NetworkPart {
  /** Adds this part's workloads, secrets and policies to {@code network}, and returns it. */
  Network.Builder addTo(Network.Builder network);

  /**
   * A network named {@code name} made of {@code parts}, added in order.
   *
   * @throws ValidationException listing every problem of the whole network, such as two parts using one workload name
   */
  static Network network(String name, NetworkPart... parts) {
    Network.Builder builder = Network.builder().name(name);
    for (NetworkPart part : parts) {
      builder = Objects.requireNonNull(part, "part").addTo(builder);
    }
    return builder.build();
  }
}
