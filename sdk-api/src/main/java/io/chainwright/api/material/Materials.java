package io.chainwright.api.material;

import io.chainwright.api.SecretValue;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A material store's view of one network: what a network part uses to get or make the keys,
 * tokens and passwords of its workloads.
 */
public final class Materials {
  private final MaterialStore store;
  private final String network;

  Materials(MaterialStore store, String network) {
    this.store = Objects.requireNonNull(store, "store");
    this.network = network;
    MaterialKey.of(network, "check", "check"); // fails now, naming the network, if it cannot key material
  }

  /**
   * Material of a fresh in-memory store, new on every call: for a one-off render or a devnet whose
   * material need not outlive it.
   */
  public static Materials ephemeral() {
    return MaterialStore.inMemory().forNetwork("ephemeral");
  }

  /** The network this view keys its material under. */
  public String network() {
    return network;
  }

  /** The store behind this view. */
  public MaterialStore store() {
    return store;
  }

  /** The key of {@code name} owned by {@code owner} in this network. */
  public MaterialKey key(String owner, String name) {
    return MaterialKey.of(network, owner, name);
  }

  /** The stored bytes of {@code owner}'s {@code name}, made by {@code generator} the first time. */
  public byte[] getOrCreate(String owner, String name, Supplier<byte[]> generator) {
    return store.getOrCreate(key(owner, name), generator);
  }

  /**
   * A secret of {@code bytes} random bytes, hex-encoded, made once for {@code owner}'s
   * {@code name} and read back after: passwords, tokens and Engine API JWTs.
   */
  public SecretValue randomHex(String owner, String name, int bytes) {
    return SecretValue.of(getOrCreate(owner, name, () -> SecretValue.randomHex(bytes).resolve()));
  }

  @Override
  public String toString() {
    return "Materials[" + network + "]";
  }
}
