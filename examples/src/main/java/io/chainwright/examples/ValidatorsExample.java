package io.chainwright.examples;

import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import io.chainwright.ethereum.validator.ValidatorClient;
import io.chainwright.ethereum.validator.ValidatorSpec;
import io.chainwright.ethereum.validator.Validators;
import io.chainwright.ethereum.validator.Web3Signer;
import java.net.URI;
import java.util.List;

/**
 * Validators on Hoodi that sign through Web3Signer: two beacon nodes of different clients, a Teku
 * validator client with two replicas spread across zones and a Lighthouse one pinned to a third
 * zone, all for the same keys, which the signer's Postgres slashing database keeps from signing twice.
 */
public final class ValidatorsExample {
  static final List<String> KEYS = List.of("0x" + "a1".repeat(48), "0x" + "b2".repeat(48));
  static final String FEE_RECIPIENT = "0x" + "fe".repeat(20);

  private ValidatorsExample() {}

  public static Network network(MaterialStore store) {
    URI checkpoint = URI.create("https://checkpoint.hoodi.example.org");
    EthereumNode beaconA = EthereumNode.builder().name("beacon-a").network(PublicNetwork.HOODI)
        .execution(ExecutionSpec.of(ExecutionClient.GETH))
        .consensus(ConsensusSpec.of(ConsensusClient.LIGHTHOUSE, checkpoint)).build();
    EthereumNode beaconB = EthereumNode.builder().name("beacon-b").network(PublicNetwork.HOODI)
        .execution(ExecutionSpec.of(ExecutionClient.BESU))
        .consensus(ConsensusSpec.of(ConsensusClient.TEKU, checkpoint)).build();
    Validators validators = Validators.builder()
        .name("staking").network(PublicNetwork.HOODI)
        .web3Signer(Web3Signer.builder().publicKeys(KEYS).keystoreSecret("validator-keystores").build())
        .addClient(ValidatorSpec.builder().name("vc-teku").client(ValidatorClient.TEKU).publicKeys(KEYS)
            .addBeaconNodes(beaconA.beaconApi(), beaconB.beaconApi())
            .feeRecipient(FEE_RECIPIENT).graffiti("chainwright").replicas(2).build())
        .addClient(ValidatorSpec.builder().name("vc-lighthouse").client(ValidatorClient.LIGHTHOUSE).publicKeys(KEYS)
            .addBeaconNodes(beaconB.beaconApi(), beaconA.beaconApi())
            .feeRecipient(FEE_RECIPIENT).graffiti("chainwright").zone("eu-west-1c").build())
        .build();
    return NetworkPart.network("staking", store, beaconA, beaconB, validators);
  }
}
