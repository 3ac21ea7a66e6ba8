package io.chainwright.ethereum.devnet;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.StandalonePart;
import io.chainwright.api.Violations;
import io.chainwright.api.Workload;
import io.chainwright.api.material.Materials;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.ethereum.el.ExecutionClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A throwaway chain on geth's developer mode: state in memory, one prefunded developer account
 * held by the node, chain id 1337. It runs as a host process where a geth binary is on the
 * machine, or as a container on either backend.
 */
@Value.Immutable
@JsonSerialize(as = GethDevnet.class)
@JsonDeserialize(as = GethDevnet.class)
abstract class AbstractGethDevnet implements StandalonePart {
  /** The chain id geth's developer mode always uses. */
  public static final long CHAIN_ID = 1337;
  public static final int RPC_PORT = 8545;

  @Value.Default
  public String name() {
    return "geth-dev";
  }

  /** Mine a block at this interval (whole seconds); when absent, a block is mined for each transaction. */
  public abstract Optional<Duration> blockTime();

  @Value.Default
  public Image image() {
    return Image.of(ExecutionClient.GETH.defaultImage());
  }

  /** The geth workload. */
  public Workload workload() {
    List<String> args = new ArrayList<>(List.of("--dev", "--http", "--http.addr=0.0.0.0", "--http.port=" + RPC_PORT,
        "--http.api=eth,net,web3", "--http.vhosts=" + name() + ",localhost", "--ipcdisable", "--nodiscover", "--maxpeers=0"));
    blockTime().ifPresent(t -> args.add("--dev.period=" + t.toSeconds()));
    return Workload.builder().name(name())
        .addContainer(Container.builder().name(name()).image(image())
            .addCommand("geth").args(args)
            .addPort(Port.tcp("rpc", RPC_PORT))
            .readiness(Probe.jsonRpc("rpc", "eth_chainId",
                JsonRpcExpectation.equalTo("\"0x" + Long.toHexString(CHAIN_ID) + "\"")))
            .build())
        .build();
  }

  /** Adds geth to {@code network}. */
  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    return network.addWorkload(workload());
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    v.label("name", name());
    blockTime().filter(t -> t.isNegative() || t.isZero() || t.toNanosPart() != 0)
        .ifPresent(t -> v.add("blockTime", t + " is not a whole number of seconds above zero"));
    v.require("image", image());
    v.throwIfAny();
  }
}
