package io.chainwright.l2.opstack;

import java.util.Optional;

/**
 * A block as op-node reports it: number, hash and timestamp, and for L2 blocks the L1 block it was
 * derived from.
 *
 * @param number the block number
 * @param hash the block hash
 * @param timestamp seconds since the epoch
 * @param l1Origin the L1 block an L2 block was derived from; empty for L1 blocks
 */
public record BlockRef(long number, String hash, long timestamp, Optional<BlockId> l1Origin) {
  /** An L1 block named by number and hash. */
  public record BlockId(long number, String hash) {}

  @Override
  public String toString() {
    return "#" + number + l1Origin.map(o -> " (L1 origin #" + o.number() + ")").orElse("");
  }
}
