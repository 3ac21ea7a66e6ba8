package io.chainwright.examples;

import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.JsonRpcExpectation;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Probe;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;

/** A throwaway development chain: one anvil node, and a job that deploys contracts once it answers. */
public final class DevnetExample {
  private DevnetExample() {}

  public static Network network() {
    Workload anvil = Workload.builder()
        .name("anvil").kind(WorkloadKind.STATELESS)
        .addContainer(Container.builder()
            .name("anvil").image(Image.of("ghcr.io/foundry-rs/foundry:v1.3.5"))
            .addCommand("anvil").addArgs("--host", "0.0.0.0", "--port", "8545", "--chain-id", "31337")
            .addPort(Port.tcp("rpc", 8545))
            .readiness(Probe.jsonRpc("rpc", "eth_chainId", JsonRpcExpectation.equalTo("\"0x7a69\"")))
            .build())
        .build();

    Workload deploy = Workload.builder()
        .name("deploy-contracts").kind(WorkloadKind.JOB)
        .addContainer(Container.builder()
            .name("forge").image(Image.of("ghcr.io/foundry-rs/foundry:v1.3.5"))
            .addCommand("forge").addArgs("script", "script/Deploy.s.sol", "--broadcast", "--rpc-url", "http://anvil:8545")
            .addEnv(EnvVar.literal("FOUNDRY_PROFILE", "devnet"))
            .build())
        .addDependsOn(Dependency.ready("anvil"))
        .build();

    return Network.builder().name("devnet").addWorkload(anvil).addWorkload(deploy).build();
  }
}
