package io.chainwright.examples;

import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import io.chainwright.l2.ParentChain;
import io.chainwright.l2.opstack.CustomRollup;
import io.chainwright.l2.opstack.OpBatcher;
import io.chainwright.l2.opstack.OpProposer;
import io.chainwright.l2.opstack.OpSequencer;
import io.chainwright.l2.opstack.OpStackChain;
import java.net.URI;

/**
 * A whole OP Stack chain of one's own on Sepolia: a Sepolia node (Geth and Lighthouse) in the same
 * network as its L1, op-geth and op-node as the sequencer, op-batcher posting blobs and
 * op-proposer proposing output roots, their keys in a secret created outside.
 */
public final class OpStackExample {
  private OpStackExample() {}

  static final String ROLLUP_JSON = """
      {"genesis":{"l1":{"hash":"0x0000000000000000000000000000000000000000000000000000000000000001","number":7000000},\
      "l2":{"hash":"0x0000000000000000000000000000000000000000000000000000000000000002","number":0},"l2_time":1735689600},\
      "block_time":2,"max_sequencer_drift":600,"seq_window_size":3600,"channel_timeout":300,\
      "l1_chain_id":11155111,"l2_chain_id":42069}""";
  static final String GENESIS_JSON = """
      {"config":{"chainId":42069,"optimism":{"eip1559Elasticity":6,"eip1559Denominator":50}},\
      "timestamp":"0x67748580","gasLimit":"0x1c9c380","alloc":{}}""";

  public static Network network(MaterialStore store) {
    EthereumNode sepolia = EthereumNode.builder()
        .name("sepolia")
        .network(PublicNetwork.SEPOLIA)
        .execution(ExecutionSpec.of(ExecutionClient.GETH))
        .consensus(ConsensusSpec.of(ConsensusClient.LIGHTHOUSE, URI.create("https://checkpoint.example.org")))
        .build();
    return OpStackChain.builder()
        .name("devnet")
        .customRollup(CustomRollup.builder().rollupJson(ROLLUP_JSON).genesisJson(GENESIS_JSON).build())
        .l1(ParentChain.node(sepolia))
        .sequencer(OpSequencer.of(SecretKeyRef.of("op-keys", "sequencer")))
        .batcher(OpBatcher.withKey("op-keys", "batcher"))
        .proposer(OpProposer.builder()
            .privateKey(SecretKeyRef.of("op-keys", "proposer"))
            .gameFactoryAddress("0x05F9613aDB30026FFd634f38e5C4dFd30a197Fa1")
            .proposalInterval("30m")
            .build())
        .build()
        .addTo(Network.builder().name("op-stack").addSecret(Secret.provided("op-keys")), store.forNetwork("op-stack"))
        .build();
  }
}
