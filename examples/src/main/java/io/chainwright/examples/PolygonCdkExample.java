package io.chainwright.examples;

import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.l2.ParentChain;
import io.chainwright.l2.polygon.CdkContracts;
import io.chainwright.l2.polygon.PolygonCdk;
import io.chainwright.zk.CrsVolume;
import io.chainwright.zk.GpuProver;
import io.chainwright.zk.ProofScheme;
import io.chainwright.zk.ProverSize;

/**
 * A Polygon CDK chain on Sepolia: zkevm-node as separate RPC, synchronizer, sequencer and
 * aggregator workloads, the zkevm-prover, state and pool databases, and the bridge service. The
 * cluster runs Cilium: the components that read the L1 may reach its host and nothing else outside.
 */
public final class PolygonCdkExample {
  private PolygonCdkExample() {}

  public static Network network(MaterialStore store) {
    return PolygonCdk.builder()
        .name("cdk")
        // The URL stays in the secret; its host is named so that only it is let out (under Cilium, below).
        .l1(ParentChain.builder().from(ParentChain.externalRpc("sepolia-l1", "rpc-url")).addHosts("sepolia-rpc.example.org").build())
        .chainId(2442)
        .genesisJson("{\"l1Config\":{\"chainId\":11155111,\"polygonZkEVMAddress\":\"0x0000000000000000000000000000000000000001\"},"
            + "\"genesisBlockNumber\":4789190,\"root\":\"0x0\",\"genesis\":[]}")
        .keystoreSecret("cdk-keystores")
        .prover(GpuProver.builder()
            .name("prover")
            .image(Image.of("hermeznetwork/zkevm-prover:v6.0.0"))
            .gpus(1)
            .crs(CrsVolume.shared("200Gi"))
            .scheme(ProofScheme.STARK)
            .size(ProverSize.XLARGE)
            .build())
        .contracts(CdkContracts.builder()
            .l1Bridge("0x528e26b25a34a4A5d0dbDa1d57D318153d2ED582")
            .l1GlobalExitRoot("0xad1490c248c5d3CbAE399Fd529b79B42984277DF")
            .l2Bridge("0x528e26b25a34a4A5d0dbDa1d57D318153d2ED582")
            .deploymentBlock(4_789_190)
            .build())
        .build()
        .addTo(Network.builder().name("polygon-cdk")
            .addSecret(Secret.provided("sepolia-l1")).addSecret(Secret.provided("cdk-keystores"))
            .isolation(IsolationPolicy.builder().cilium(true).build()), store.forNetwork("polygon-cdk"))
        .build();
  }
}
