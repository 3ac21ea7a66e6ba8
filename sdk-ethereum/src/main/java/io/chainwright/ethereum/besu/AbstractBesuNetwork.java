package io.chainwright.ethereum.besu;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Image;
import io.chainwright.api.Names;
import io.chainwright.api.Network;
import io.chainwright.api.SecretValue;
import io.chainwright.api.StandalonePart;
import io.chainwright.api.Violations;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.material.Materials;
import io.chainwright.ethereum.common.RpcAccess;
import io.chainwright.ethereum.el.ExecutionClient;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A private Besu network under QBFT: validators that take turns proposing blocks, each with its own
 * node key, and RPC nodes that serve applications without voting. Compiled into one workload per
 * validator, one workload for the RPC nodes, a genesis with the validators in its extra data, and a
 * secret per validator key.
 *
 * <p>QBFT keeps producing blocks while fewer than a third of the validators are down, so four is
 * the smallest set that survives a failure. Keys are generated at each compile unless given: give
 * them to keep the same chain across deploys.
 *
 * <pre>{@code
 * Network besu = BesuNetwork.builder().name("consortium").chainId(1337).validators(4).rpcNodes(2).build().toNetwork();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = BesuNetwork.class)
@JsonDeserialize(as = BesuNetwork.class)
abstract class AbstractBesuNetwork implements StandalonePart {
  public static final int RPC_PORT = 8545;
  public static final int P2P_PORT = 30303;
  public static final int METRICS_PORT = 9545;

  /** Prefix of the workload names: {@code <name>-validator-<i>} and {@code <name>-rpc}. */
  public abstract String name();

  public abstract long chainId();

  @Value.Default
  public int validators() {
    return 4;
  }

  /** RPC node replicas; 0 leaves applications to the validators' internal RPC. */
  @Value.Default
  public int rpcNodes() {
    return 2;
  }

  @Value.Default
  public int blockPeriodSeconds() {
    return 2;
  }

  /** Blocks after which pending validator votes are discarded. */
  @Value.Default
  public int epochLength() {
    return 30_000;
  }

  /** How long a round waits for a proposal before moving to the next proposer. */
  @Value.Default
  public int requestTimeoutSeconds() {
    return 4;
  }

  /** Replaces Besu's default image. */
  public abstract Optional<Image> image();

  /** Starting balances in wei, by address. */
  public abstract Map<String, BigInteger> balances();

  /** The validators' node keys (32 bytes, hex), one per validator, to keep the chain across deploys; generated when empty. */
  public abstract List<SecretValue> validatorKeys();

  /** How far the RPC nodes' JSON-RPC reaches; internal by default. */
  @Value.Default
  public Exposure rpcExposure() {
    return Exposure.internal();
  }

  /** Host names and browser origins the RPC nodes accept. */
  @Value.Default
  public RpcAccess rpcAccess() {
    return RpcAccess.restricted();
  }

  @Value.Default
  public String validatorStorage() {
    return "50Gi";
  }

  @Value.Default
  public String rpcStorage() {
    return "100Gi";
  }

  public abstract Optional<String> storageClass();

  /** The workload name of validator {@code index}. */
  public String validatorWorkload(int index) {
    return name() + "-validator-" + index;
  }

  /** The RPC nodes' workload name. */
  public String rpcWorkload() {
    return name() + "-rpc";
  }

  /** The image to run. */
  public Image effectiveImage() {
    return image().orElseGet(() -> Image.of(ExecutionClient.BESU.defaultImage()));
  }

  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    BesuNetworkCompiler.compile((BesuNetwork) this, materials).addTo(network);
    return network;
  }


  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    if (v.require("name", name())) {
      v.label("name", name());
      if (Names.dnsLabelProblem(name()).isEmpty()) {
        Names.dnsLabelProblem(validatorWorkload(Math.max(0, validators() - 1)) + "-key")
            .ifPresent(p -> v.add("name", "'" + validatorWorkload(validators() - 1) + "-key' " + p));
      }
    }
    v.range("chainId", chainId(), 1, (1L << 53) - 1, "a chain id");
    v.range("validators", validators(), 1, 64, "a validator count");
    v.range("rpcNodes", rpcNodes(), 0, 50, "a replica count");
    v.range("blockPeriodSeconds", blockPeriodSeconds(), 1, 600, "a number of seconds");
    v.range("epochLength", epochLength(), 1, Integer.MAX_VALUE, "a block count");
    v.range("requestTimeoutSeconds", requestTimeoutSeconds(), 1, 600, "a number of seconds");
    if (!validatorKeys().isEmpty() && validatorKeys().size() != validators()) {
      v.add("validatorKeys", validatorKeys().size() + " keys for " + validators() + " validators; give one each, or none");
    }
    balances().forEach((address, wei) -> {
      if (address == null || !address.matches("0x[0-9a-fA-F]{40}")) {
        v.add("balances", "'" + address + "' is not an address (0x and 40 hex digits)");
      }
      if (wei == null || wei.signum() < 0) {
        v.in("balances", address).add(wei + " is not a balance in wei");
      }
    });
    v.require("rpcExposure", rpcExposure());
    v.require("rpcAccess", rpcAccess());
    v.quantity("validatorStorage", Optional.ofNullable(validatorStorage()));
    v.quantity("rpcStorage", Optional.ofNullable(rpcStorage()));
    storageClass().ifPresent(c -> v.subdomain("storageClass", c));
    v.throwIfAny();
  }
}
