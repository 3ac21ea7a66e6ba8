package io.chainwright.fabric.compile;

/** Where compiled Fabric containers find their material and keep their data. */
final class FabricPaths {
  /** The node's crypto folder: {@code msp/} and {@code tls/} in cryptogen's layout. */
  static final String CRYPTO = "/var/hyperledger/crypto";
  static final String MSP = CRYPTO + "/msp";
  static final String TLS_CERT = CRYPTO + "/tls/server.crt";
  static final String TLS_KEY = CRYPTO + "/tls/server.key";
  static final String TLS_CA = CRYPTO + "/tls/ca.crt";
  /** Ledgers, Raft log and snapshots, chaincode builds: everything a node must not lose. */
  static final String DATA = "/var/hyperledger/production";
  /**
   * Scratch space, since root file systems are read-only; {@code TMPDIR} points here. Not
   * {@code /tmp}, so that host folders under {@code /tmp} named in config (such as a devnet's
   * chaincode builder) are never mistaken for this mount.
   */
  static final String TMP = "/var/hyperledger/tmp";

  private FabricPaths() {}
}
