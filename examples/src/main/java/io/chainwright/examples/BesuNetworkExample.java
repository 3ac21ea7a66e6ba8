package io.chainwright.examples;

import io.chainwright.api.Network;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.ethereum.besu.BesuNetwork;
import java.math.BigInteger;

/** A private Besu consortium chain under QBFT: four validators, which survive one failure, and two RPC nodes. */
public final class BesuNetworkExample {
  private BesuNetworkExample() {}

  public static Network network(MaterialStore store) {
    return BesuNetwork.builder()
        .name("consortium").chainId(2026)
        .validators(4).rpcNodes(2).blockPeriodSeconds(2)
        .putBalance("0x" + "c0".repeat(20), BigInteger.TEN.pow(24))
        .build()
        .toNetwork(store);
  }
}
