package io.chainwright.examples;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;

/** A throwaway development chain: one anvil node with chain id 31337, ready when it answers {@code eth_chainId}. */
public final class DevnetExample {
  private DevnetExample() {}

  public static Network network() {
    Workload anvil = Workload.builder()
        .name("anvil").kind(WorkloadKind.STATELESS)
        .addContainer(Container.builder()
            .name("anvil").image(Image.of("ghcr.io/foundry-rs/foundry:v1.7.1"))
            .addCommand("anvil").addArgs("--host", "0.0.0.0", "--port", "8545", "--chain-id", "31337", "--block-time", "1")
            .addPort(Port.tcp("rpc", 8545))
            .resources(Resources.of("250m", "2", "256Mi", "2Gi"))
            .readiness(Probe.jsonRpc("rpc", "eth_chainId", JsonRpcExpectation.equalTo("\"0x7a69\"")))
            .build())
        .build();
    return Network.builder().name("devnet").addWorkload(anvil).build();
  }
}
