package io.chainwright.l2.zksync;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.Names;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.Violations;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.material.Materials;
import io.chainwright.l2.ParentChain;
import io.chainwright.l2.SignerKeys;
import io.chainwright.zk.GpuProver;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A zkSync Era chain: the server (JSON-RPC and WebSocket API, sequencer, Merkle tree, L1 sender)
 * with its own PostgreSQL, object storage for proof artefacts, and optionally a GPU prover whose
 * setup data (the CRS) sits on a read-only volume.
 */
@Value.Immutable
@JsonSerialize(as = ZkSyncEra.class)
@JsonDeserialize(as = ZkSyncEra.class)
abstract class AbstractZkSyncEra implements NetworkPart {
  public abstract String name();

  public abstract Optional<ParentChain> l1();

  /** The L1's chain id, e.g. 11155111 for Sepolia. */
  public abstract long l1ChainId();

  /** This chain's id. */
  public abstract long chainId();

  /** The key of a secret holding the operator's private key, which commits batches on L1. */
  public abstract Optional<SecretKeyRef> operatorKey();

  @Value.Default
  public ObjectStore objectStore() {
    return ObjectStore.fileBacked();
  }

  /** The GPU prover; its image, GPUs and CRS volume as for any prover, the zkSync settings are added. */
  public abstract Optional<GpuProver> prover();

  public abstract Optional<Image> serverImage();

  /**
   * Environment for the server beyond what the SDK sets, for the settings of a real chain it does
   * not model (e.g. the {@code CONTRACTS_*} addresses of a deployed chain, or the state keeper's
   * limits), named as the server reads them: {@code SECTION_KEY} for {@code section.key}. A variable
   * named here replaces the SDK's of that name. Keys and passwords must come from Secrets
   * ({@link io.chainwright.api.EnvVar#fromSecret}).
   */
  public abstract List<EnvVar> extraEnv();

  /** The server's RocksDB (state keeper cache and Merkle tree). */
  @Value.Default
  public String serverStorage() {
    return "500Gi";
  }

  @Value.Default
  public String databaseStorage() {
    return "500Gi";
  }

  public abstract Optional<String> storageClass();

  @Value.Default
  public Exposure rpcExposure() {
    return Exposure.internal();
  }

  public String serverWorkload() {
    return name() + "-server";
  }

  public String databaseWorkload() {
    return name() + "-postgres";
  }

  /** Adds the server, its database and secret, the prover if any, and the L1 node if it is one. */
  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    ZkSyncCompiler.compile((ZkSyncEra) this, network, materials);
    return network;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    v.label("name", name());
    if (name() != null && Names.dnsLabelProblem(name()).isEmpty()) {
      Names.dnsLabelProblem(name() + "-postgres-credentials")
          .ifPresent(p -> v.add("name", "'" + name() + "-postgres-credentials' " + p));
    }
    if (l1().isEmpty()) {
      v.add("l1", "the server needs an L1: ParentChain.node(..) or ParentChain.external(..)");
    }
    if (l1ChainId() <= 0) {
      v.add("l1ChainId", l1ChainId() + " is not a chain id");
    }
    if (chainId() <= 0) {
      v.add("chainId", chainId() + " is not a chain id");
    }
    if (operatorKey().isEmpty()) {
      v.add("operatorKey", "the server commits batches on L1 and needs the operator key as a secret reference");
    }
    if (prover().isPresent() && objectStore() != null && !objectStore().shared()) {
      v.add("objectStore", "a separate prover cannot see the server's file-backed store: use a bucket (ObjectStore.gcs(..))");
    }
    if (prover().isPresent() && prover().get().name().equals(serverWorkload())) {
      v.add("prover.name", "'" + prover().get().name() + "' is the server's name");
    }
    v.quantity("serverStorage", Optional.ofNullable(serverStorage()));
    v.quantity("databaseStorage", Optional.ofNullable(databaseStorage()));
    storageClass().ifPresent(c -> v.subdomain("storageClass", c));
    v.unique("extraEnv", extraEnv(), EnvVar::name);
    SignerKeys.check(v, "server", List.of(), extraEnv());
    v.throwIfAny();
  }
}
