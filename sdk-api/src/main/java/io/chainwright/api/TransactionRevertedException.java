package io.chainwright.api;

import java.util.Optional;

/** A transaction was mined but reverted; the message names the transaction, its block and the reason when known. */
public class TransactionRevertedException extends ChainwrightException {
  private final String transactionHash;
  private final long block;
  private final String reason;

  /**
   * @param what what the transaction did, e.g. {@code increment on 0x5FbD...}
   * @param reason the revert reason, or null when the node gave none
   */
  public TransactionRevertedException(String what, String transactionHash, long block, String reason) {
    super(what + " reverted in block " + block + " (transaction " + transactionHash + ")"
        + (reason == null || reason.isBlank() ? "" : ": " + reason));
    this.transactionHash = transactionHash;
    this.block = block;
    this.reason = reason;
  }

  public String transactionHash() {
    return transactionHash;
  }

  /** The block the transaction was mined in. */
  public long block() {
    return block;
  }

  /** The revert reason, when the node reported one. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason).filter(r -> !r.isBlank());
  }
}
