package io.chainwright.l2;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.Violations;
import io.chainwright.api.material.Materials;
import io.chainwright.api.policy.Reach;
import io.chainwright.ethereum.EthereumNode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The L1 a rollup settles on: an Ethereum node of the same network, or external endpoints whose
 * URLs are kept in a secret, because provider URLs carry API keys.
 *
 * <pre>{@code
 * ParentChain.external("l1", "rpc-url", "beacon-url")   // keys of a secret named l1
 * ParentChain.node(sepoliaNode)                          // an EthereumNode compiled into the same network
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = ParentChain.class)
@JsonDeserialize(as = ParentChain.class)
abstract class AbstractParentChain implements NetworkPart {
  /** An Ethereum node compiled into the same network. */
  public abstract Optional<EthereumNode> node();

  /** The secret that holds the external endpoints' URLs. */
  public abstract Optional<String> secret();

  /** The key of {@link #secret()} that holds the execution JSON-RPC URL. */
  @Value.Default
  public String rpcKey() {
    return "rpc-url";
  }

  /** The key of {@link #secret()} that holds the beacon API URL; needed to read blobs. */
  public abstract Optional<String> beaconKey();

  /**
   * The host names in the external endpoints' URLs, which the secret hides: with them, isolation can
   * allow those hosts by name (under Cilium) rather than every address.
   */
  public abstract List<String> hosts();

  /** An Ethereum node of the same network; {@link #addTo} compiles it in. */
  public static ParentChain node(EthereumNode node) {
    return ParentChain.builder().node(node).build();
  }

  /** External JSON-RPC and beacon endpoints, read from keys of secret {@code secret}. */
  public static ParentChain external(String secret, String rpcKey, String beaconKey) {
    return ParentChain.builder().secret(secret).rpcKey(rpcKey).beaconKey(beaconKey).build();
  }

  /** An external JSON-RPC endpoint only, read from a key of secret {@code secret}. */
  public static ParentChain externalRpc(String secret, String rpcKey) {
    return ParentChain.builder().secret(secret).rpcKey(rpcKey).build();
  }

  /** True when a beacon API is known, as op-node and blob readers need. */
  public boolean hasBeacon() {
    return node().isPresent() || beaconKey().isPresent();
  }

  /** The JSON-RPC URL as environment variable {@code name}: a literal for a node in the network, a secret reference otherwise. */
  public EnvVar rpcEnv(String name) {
    return node().map(n -> EnvVar.literal(name, "http://" + n.executionWorkload() + ":" + n.execution().rpcPort()))
        .orElseGet(() -> EnvVar.fromSecret(name, secret().orElseThrow(), rpcKey()));
  }

  /** The beacon API URL as environment variable {@code name}, when one is known. */
  public Optional<EnvVar> beaconEnv(String name) {
    if (node().isPresent()) {
      EthereumNode n = node().get();
      return Optional.of(EnvVar.literal(name, "http://" + n.consensusWorkload() + ":" + n.consensus().httpPort()));
    }
    return beaconKey().map(key -> EnvVar.fromSecret(name, secret().orElseThrow(), key));
  }

  /**
   * Where a workload that reads this L1 connects: the node's RPC and beacon API, or the external
   * endpoints' hosts when they are named, or else anywhere, on any port, since the URLs are secret.
   */
  public List<Reach> reaches() {
    if (node().isEmpty()) {
      return hosts().isEmpty() ? List.of(Reach.outside()) : hosts().stream().map(Reach::host).toList();
    }
    EthereumNode n = node().get();
    return List.of(Reach.workload(n.executionWorkload(), "rpc"), Reach.workload(n.consensusWorkload(), "http"));
  }

  /** Adds the L1 node, when there is one, to {@code network}; external endpoints need the secret declared there. */
  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    node().ifPresent(n -> n.addTo(network, materials));
    return network;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("l1");
    if (node().isPresent() == secret().isPresent()) {
      v.add(node().isPresent() ? "give an L1 node or an external secret, not both"
          : "an L1 is required: ParentChain.node(..) or ParentChain.external(..)");
    }
    secret().ifPresent(s -> v.subdomain("secret", s));
    v.require("rpcKey", rpcKey());
    if (node().isPresent() && beaconKey().isPresent()) {
      v.add("beaconKey", "an L1 node brings its own beacon API");
    }
    if (node().isPresent() && !hosts().isEmpty()) {
      v.add("hosts", "an L1 node of the network is reached as a workload, not by host names");
    }
    hosts().forEach(h -> v.subdomain("hosts", h));
    v.throwIfAny();
  }
}
