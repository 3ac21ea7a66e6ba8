package io.chainwright.ethereum.common;

/** How much history an execution client keeps. */
public enum StorageMode {
  /** Recent state only (snap or pruned sync): the usual RPC node. */
  FULL,
  /** Every historical state: needed for historical traces and state queries, and several times larger. */
  ARCHIVE
}
