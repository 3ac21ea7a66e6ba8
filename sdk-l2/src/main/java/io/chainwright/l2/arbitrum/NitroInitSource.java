package io.chainwright.l2.arbitrum;

/** Snapshots a new {@link NitroNode} may start from instead of syncing from genesis. */
public enum NitroInitSource {
  PRUNED,
  ARCHIVE,
  GENESIS
}
