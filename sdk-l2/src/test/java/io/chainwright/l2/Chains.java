package io.chainwright.l2;

import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.l2.opstack.CustomRollup;
import io.chainwright.l2.opstack.OpBatcher;
import io.chainwright.l2.opstack.OpNetwork;
import io.chainwright.l2.opstack.OpProposer;
import io.chainwright.l2.opstack.OpSequencer;
import io.chainwright.l2.opstack.OpStackChain;
import io.chainwright.l2.polygon.CdkContracts;
import io.chainwright.l2.polygon.PolygonCdk;
import io.chainwright.zk.CrsVolume;
import io.chainwright.zk.GpuProver;
import io.chainwright.zk.GpuType;
import io.chainwright.zk.ProofScheme;

/** Chains the tests share, with their L1 URLs and keys in provided secrets. */
public final class Chains {
  public static final ParentChain SEPOLIA = ParentChain.external("l1", "rpc-url", "beacon-url");
  static final String ROLLUP_JSON = "{\"genesis\":{\"l2\":{\"number\":0}},\"block_time\":2,\"l2_chain_id\":901}";
  static final String GENESIS_JSON = "{\"config\":{\"chainId\":901},\"alloc\":{}}";

  private Chains() {}

  public static Network.Builder network(String name) {
    return Network.builder().name(name).addSecret(Secret.provided("l1")).addSecret(Secret.provided("keys"));
  }

  static OpStackChain.Builder opSepolia() {
    return OpStackChain.builder().name("op").network(OpNetwork.OP_SEPOLIA).l1(SEPOLIA);
  }

  /** A chain of one's own, sequenced here, with batcher and proposer. */
  static OpStackChain.Builder ownChain() {
    return OpStackChain.builder().name("devchain")
        .customRollup(CustomRollup.builder().rollupJson(ROLLUP_JSON).genesisJson(GENESIS_JSON).build())
        .l1(SEPOLIA)
        .sequencer(OpSequencer.of(SecretKeyRef.of("keys", "sequencer-p2p")))
        .batcher(OpBatcher.withKey("keys", "batcher"))
        .proposer(OpProposer.builder().privateKey(SecretKeyRef.of("keys", "proposer"))
            .gameFactoryAddress("0x05F9613aDB30026FFd634f38e5C4dFd30a197Fa1").build());
  }

  /** A Polygon CDK chain with its keystores in the provided secret {@code keys}. */
  public static PolygonCdk.Builder cdk() {
    return PolygonCdk.builder().name("cdk").l1(Chains.SEPOLIA).chainId(1001)
        .genesisJson("{\"l1Config\":{\"chainId\":11155111},\"genesis\":[]}")
        .keystoreSecret("keys")
        .prover(Chains.prover("hermeznetwork/zkevm-prover:v6.0.0").build())
        .contracts(CdkContracts.builder().l1Bridge("0x528e26b25a34a4A5d0dbDa1d57D318153d2ED582")
            .l1GlobalExitRoot("0xad1490c248c5d3CbAE399Fd529b79B42984277DF")
            .l2Bridge("0x528e26b25a34a4A5d0dbDa1d57D318153d2ED582").deploymentBlock(4_789_190).build());
  }

  public static GpuProver.Builder prover(String image) {
    return GpuProver.builder().name("prover").image(Image.of(image)).gpus(1).gpuType(GpuType.A100_80GB)
        .crs(CrsVolume.shared("50Gi")).scheme(ProofScheme.PLONK);
  }
}
