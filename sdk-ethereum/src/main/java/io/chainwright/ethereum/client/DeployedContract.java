package io.chainwright.ethereum.client;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** A contract on chain: where it lives and the receipt of the transaction that created it. */
public record DeployedContract(String address, TransactionReceipt receipt) {
  /** The block the contract was created in. */
  public long block() {
    return receipt.getBlockNumber().longValueExact();
  }
}
