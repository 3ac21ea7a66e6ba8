package io.chainwright.ethereum.client;

import java.time.Duration;
import java.util.Optional;

/**
 * One observation of an execution node's sync.
 *
 * @param syncing whether {@code eth_syncing} reported progress rather than {@code false}
 * @param currentBlock the head block, or the sync's current block while syncing
 * @param highestBlock the highest block known while syncing; the head block otherwise
 * @param peers the peer count, when it was asked for and the node reports one
 * @param headAge how old the head block is
 */
public record SyncState(boolean syncing, long currentBlock, long highestBlock, Optional<Integer> peers, Duration headAge) {
  @Override
  public String toString() {
    return (syncing ? "syncing, " : "not syncing, ") + "block " + currentBlock + " of " + highestBlock
        + ", head " + headAge.toSeconds() + " s old" + peers.map(p -> ", " + p + " peers").orElse("");
  }
}
