package io.chainwright.l2.opstack;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Image;
import io.chainwright.api.Names;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.Violations;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.material.Materials;
import io.chainwright.ethereum.NodeSize;
import io.chainwright.ethereum.common.StorageMode;
import io.chainwright.l2.ParentChain;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An OP Stack chain: op-geth and op-node paired over the Engine API with a fresh JWT, and
 * optionally the sequencer's op-batcher and op-proposer. A replica of a known chain comes from a
 * preset; a chain of one's own from its {@code rollup.json} and genesis.
 *
 * <pre>{@code
 * Network network = OpStackChain.builder()
 *     .name("op-sepolia")
 *     .network(OpNetwork.OP_SEPOLIA)
 *     .l1(ParentChain.external("sepolia-l1", "rpc-url", "beacon-url"))
 *     .build()
 *     .addTo(Network.builder().name("op-sepolia").addSecret(Secret.provided("sepolia-l1")))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = OpStackChain.class)
@JsonDeserialize(as = OpStackChain.class)
abstract class AbstractOpStackChain implements NetworkPart {
  /** Prefix of the workload names, e.g. {@code <name>-op-geth}. */
  public abstract String name();

  /** A chain known by name; give this or {@link #customRollup()}. */
  public abstract Optional<OpNetwork> network();

  /** A chain of one's own; give this or {@link #network()}. */
  public abstract Optional<CustomRollup> customRollup();

  public abstract Optional<ParentChain> l1();

  @Value.Default
  public StorageMode mode() {
    return StorageMode.FULL;
  }

  /** op-geth takes the execution preset, op-node the consensus preset. */
  @Value.Default
  public NodeSize size() {
    return NodeSize.MEDIUM;
  }

  /** op-geth's data volume; by default it follows the chain and mode. */
  public abstract Optional<String> storage();

  public abstract Optional<String> storageClass();

  /** How far op-geth's JSON-RPC reaches; internal by default. */
  @Value.Default
  public Exposure rpcExposure() {
    return Exposure.internal();
  }

  /** How far op-node's P2P port reaches; internal by default, a node port to take inbound peers. */
  @Value.Default
  public Exposure p2pExposure() {
    return Exposure.internal();
  }

  /** op-node's bootnodes, as ENRs or multiaddrs; op-node's own list for the chain when empty. */
  public abstract List<String> bootnodes();

  /** Run op-node as the chain's sequencer. */
  public abstract Optional<OpSequencer> sequencer();

  public abstract Optional<OpBatcher> batcher();

  public abstract Optional<OpProposer> proposer();

  /** Generate a fresh Engine API JWT for op-node and op-geth. */
  @Value.Default
  public boolean generateJwt() {
    return true;
  }

  /** A provided secret with the JWT under {@code jwt.hex}, instead of a generated one. */
  public abstract Optional<String> jwtSecret();

  public abstract Optional<Image> gethImage();

  public abstract Optional<Image> nodeImage();

  public abstract List<String> extraGethArgs();

  public abstract List<String> extraNodeArgs();

  public String gethWorkload() {
    return name() + "-op-geth";
  }

  public String nodeWorkload() {
    return name() + "-op-node";
  }

  public String batcherWorkload() {
    return name() + "-op-batcher";
  }

  public String proposerWorkload() {
    return name() + "-op-proposer";
  }

  /** The secret the JWT is read from: the generated one or the one named. */
  public String effectiveJwtSecret() {
    return jwtSecret().orElse(name() + "-jwt");
  }

  /** The sequencer replicas forward transactions to, when this chain is a replica. */
  public Optional<String> sequencerUrl() {
    return network().map(OpNetwork::sequencerUrl).or(() -> customRollup().flatMap(CustomRollup::sequencerUrl));
  }

  public String effectiveStorage() {
    return storage().orElseGet(() -> OpStackDefaults.storage(network(), mode()));
  }

  /** Adds this chain's workloads (and its L1 node, if it has one) and, unless one is named, a fresh JWT secret. */
  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    OpStackCompiler.compile((OpStackChain) this, network, materials);
    return network;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    v.label("name", name());
    if (name() != null && Names.dnsLabelProblem(name()).isEmpty()) {
      Names.dnsLabelProblem(proposerWorkload()).ifPresent(p -> v.add("name", "'" + proposerWorkload() + "' " + p));
    }
    if (network().isPresent() == customRollup().isPresent()) {
      v.add("network", network().isPresent() ? "give a preset network or a custom rollup, not both"
          : "choose a preset network (OpNetwork) or give customRollup");
    }
    if (l1().isEmpty()) {
      v.add("l1", "op-node needs an L1: ParentChain.node(..) or ParentChain.external(..)");
    } else if (!l1().get().hasBeacon()) {
      v.add("l1.beaconKey", "op-node needs an L1 beacon endpoint to read blobs: give the secret key of its URL");
    }
    if (!generateJwt() && jwtSecret().isEmpty()) {
      v.add("jwtSecret", "op-node needs a JWT to reach op-geth's Engine API: keep generateJwt or name a jwtSecret");
    }
    if (generateJwt() && jwtSecret().isPresent()) {
      v.add("jwtSecret", "a named JWT secret replaces the generated one: set generateJwt(false)");
    }
    jwtSecret().ifPresent(s -> v.subdomain("jwtSecret", s));
    if (sequencer().isPresent() && network().isPresent()) {
      v.add("sequencer", network().get().id() + " is sequenced by its operator; sequence only a chain of your own");
    }
    if (batcher().isPresent() && sequencer().isEmpty()) {
      v.add("batcher", "the batcher posts the sequencer's blocks; run this chain as the sequencer to have one");
    }
    for (String boot : bootnodes()) {
      if (boot == null || !(boot.startsWith("enr:") || boot.startsWith("enode://") || boot.startsWith("/ip4/") || boot.startsWith("/dns"))) {
        v.in("bootnodes").add("'" + boot + "' is not an ENR, enode or multiaddr");
      }
    }
    v.require("mode", mode());
    v.require("size", size());
    v.require("rpcExposure", rpcExposure());
    v.require("p2pExposure", p2pExposure());
    v.quantity("storage", storage());
    storageClass().ifPresent(c -> v.subdomain("storageClass", c));
    v.throwIfAny();
  }
}
