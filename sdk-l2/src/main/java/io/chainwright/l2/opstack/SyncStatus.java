package io.chainwright.l2.opstack;

import java.time.Duration;

/**
 * op-node's {@code optimism_syncStatus}: how far it has read L1 and which L2 heads it holds.
 *
 * @param currentL1 the L1 block op-node has derived up to
 * @param headL1 the L1 chain's head as op-node sees it
 * @param unsafeL2 the newest L2 block, received from the sequencer but not yet on L1
 * @param safeL2 the newest L2 block derived from data posted to L1
 * @param finalizedL2 the newest L2 block derived from finalized L1 data
 */
public record SyncStatus(BlockRef currentL1, BlockRef headL1, BlockRef unsafeL2, BlockRef safeL2, BlockRef finalizedL2) {
  /** L1 blocks between what op-node has derived and the L1 head. */
  public long l1BlocksBehind() {
    return Math.max(0, headL1.number() - currentL1.number());
  }

  /** The time between the L1 head and the L1 block op-node has derived up to. */
  public Duration l1Lag() {
    return Duration.ofSeconds(Math.max(0, headL1.timestamp() - currentL1.timestamp()));
  }

  /** The L1 block the newest L2 block came from. */
  public java.util.Optional<BlockRef.BlockId> l1Origin() {
    return unsafeL2.l1Origin();
  }

  @Override
  public String toString() {
    return "unsafe " + unsafeL2 + ", safe " + safeL2 + ", finalized " + finalizedL2
        + ", L1 " + currentL1.number() + "/" + headL1.number() + " (" + l1BlocksBehind() + " behind)";
  }
}
