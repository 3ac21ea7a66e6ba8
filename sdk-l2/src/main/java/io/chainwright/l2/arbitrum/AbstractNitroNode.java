package io.chainwright.l2.arbitrum;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.Violations;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.material.Materials;
import io.chainwright.ethereum.NodeSize;
import io.chainwright.l2.ParentChain;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Arbitrum Nitro full node: follows a chain by id, reads batches from its parent chain (whose
 * URLs come from a secret or an L1 node of the network), keeps its data on a volume and serves
 * JSON-RPC and metrics.
 */
@Value.Immutable
@JsonSerialize(as = NitroNode.class)
@JsonDeserialize(as = NitroNode.class)
abstract class AbstractNitroNode implements NetworkPart {
  AbstractNitroNode() {}

  public abstract String name();

  @Value.Default
  public long chainId() {
    return ArbitrumChain.ONE.chainId();
  }

  public abstract Optional<ParentChain> parentChain();

  /** Start from the chain's latest snapshot of this kind; Nitro's own default when absent. */
  public abstract Optional<NitroInitSource> initFrom();

  /** Keep every historical state. */
  @Value.Default
  public boolean archive() {
    return false;
  }

  @Value.Default
  public String storage() {
    return archive() ? "8Ti" : "2Ti";
  }

  public abstract Optional<String> storageClass();

  @Value.Default
  public NodeSize size() {
    return NodeSize.MEDIUM;
  }

  @Value.Default
  public Exposure rpcExposure() {
    return Exposure.internal();
  }

  public abstract Optional<Image> image();

  public abstract List<String> extraArgs();

  /** Adds the node (and its parent chain's node, if it has one) to {@code network}. */
  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    parentChain().orElseThrow().addTo(network, materials);
    return network.addWorkload(NitroCompiler.workload((NitroNode) this));
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    v.label("name", name());
    if (chainId() <= 0) {
      v.add("chainId", chainId() + " is not a chain id");
    }
    if (parentChain().isEmpty()) {
      v.add("parentChain", "a Nitro node needs its parent chain's URL: ParentChain.node(..) or ParentChain.external(..)");
    }
    if (archive() && initFrom().filter(i -> i == NitroInitSource.PRUNED).isPresent()) {
      v.add("initFrom", "an archive node cannot start from a pruned snapshot");
    }
    v.quantity("storage", Optional.ofNullable(storage()));
    storageClass().ifPresent(c -> v.subdomain("storageClass", c));
    v.require("rpcExposure", rpcExposure());
    if (image().isEmpty()) {
      NitroCompiler.OPTIONS.checkExtraArgs(v, "extraArgs", extraArgs());
    }
    v.throwIfAny();
  }
}
