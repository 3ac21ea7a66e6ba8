package io.chainwright.ethereum.client;

/** What a beacon node's {@code /eth/v1/node/health} answered. */
public enum BeaconHealth {
  /** 200: synced and ready to serve. */
  READY,
  /** 206: alive but still syncing. */
  SYNCING,
  /** 503 or anything else: not initialised, or in trouble. */
  NOT_READY
}
