package io.chainwright.l2.polygon;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Image;
import io.chainwright.api.Names;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.Violations;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.material.Materials;
import io.chainwright.l2.ParentChain;
import io.chainwright.zk.GpuProver;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Polygon CDK (zkEVM) chain: zkevm-node split into its components (JSON-RPC, synchronizer,
 * sequencer with its sequence sender, aggregator), the zkevm-prover that executes batches and
 * proves them, separate PostgreSQL workloads for the state DB and the pool DB, and the bridge
 * service with a database of its own.
 */
@Value.Immutable
@JsonSerialize(as = PolygonCdk.class)
@JsonDeserialize(as = PolygonCdk.class)
abstract class AbstractPolygonCdk implements NetworkPart {
  public abstract String name();

  public abstract Optional<ParentChain> l1();

  public abstract long chainId();

  /** The chain's genesis file (a custom network file with the L1 config), produced when it was deployed. */
  public abstract String genesisJson();

  /**
   * A provided secret with the L1 keystores: {@code sequencer.keystore}, {@code aggregator.keystore},
   * and {@code password} to open them.
   */
  public abstract Optional<String> keystoreSecret();

  /** The zkevm-prover: image, GPUs or CPUs and its parameter (CRS) volume; executor and Merkle tree ports are added. */
  public abstract Optional<GpuProver> prover();

  public abstract Optional<CdkContracts> contracts();

  /** Run the bridge service. */
  @Value.Default
  public boolean bridge() {
    return true;
  }

  public abstract Optional<Image> nodeImage();

  public abstract Optional<Image> bridgeImage();

  @Value.Default
  public String databaseStorage() {
    return "200Gi";
  }

  public abstract Optional<String> storageClass();

  @Value.Default
  public Exposure rpcExposure() {
    return Exposure.internal();
  }

  /** The workload of a zkevm-node component, e.g. {@code <name>-rpc}. */
  public String workload(CdkComponent c) {
    return name() + "-" + c.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Adds every component, database, secret and the L1 node if it is one. */
  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    CdkCompiler.compile((PolygonCdk) this, network, materials);
    return network;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    v.label("name", name());
    if (name() != null && Names.dnsLabelProblem(name()).isEmpty()) {
      Names.dnsLabelProblem(name() + "-synchronizer").ifPresent(p -> v.add("name", "'" + name() + "-synchronizer' " + p));
    }
    if (l1().isEmpty()) {
      v.add("l1", "zkevm-node needs an L1: ParentChain.node(..) or ParentChain.external(..)");
    }
    if (chainId() <= 0) {
      v.add("chainId", chainId() + " is not a chain id");
    }
    if (v.require("genesisJson", genesisJson()) && !genesisJson().strip().startsWith("{")) {
      v.add("genesisJson", "is not a JSON object");
    }
    if (keystoreSecret().isEmpty()) {
      v.add("keystoreSecret", "the sequencer and aggregator sign L1 transactions: name the secret with their keystores");
    }
    keystoreSecret().ifPresent(s -> v.subdomain("keystoreSecret", s));
    if (prover().isEmpty()) {
      v.add("prover", "the RPC, synchronizer and sequencer execute batches on the zkevm-prover: give one");
    }
    if (bridge() && contracts().isEmpty()) {
      v.add("contracts", "the bridge service needs the chain's contract addresses");
    }
    v.quantity("databaseStorage", Optional.ofNullable(databaseStorage()));
    storageClass().ifPresent(c -> v.subdomain("storageClass", c));
    v.throwIfAny();
  }
}
