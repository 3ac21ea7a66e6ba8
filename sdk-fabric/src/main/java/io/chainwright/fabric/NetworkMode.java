package io.chainwright.fabric;

/** How strictly a Fabric network is checked: production rules, or the relaxed rules of a throwaway devnet. */
public enum NetworkMode {
  /** Raft needs an odd number of orderers, 3 to 7, so that it survives losing a minority. */
  PRODUCTION,
  /** A single orderer is allowed (with a warning): no fault tolerance, but quick to start. */
  DEVNET
}
