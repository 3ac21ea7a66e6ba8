package io.chainwright.ethereum.common;

/** Where every Ethereum container of this module keeps its data and scratch files, and the address its APIs listen on. */
public final class ContainerLayout {
  /** The data volume's mount path. */
  public static final String DATA_DIR = "/data";
  /**
   * Scratch space: containers run with a read-only root file system, and the JVM clients (Besu,
   * Teku, Web3Signer) unpack RocksDB's native library into /tmp, so it gets a scratch volume.
   */
  public static final String TMP = "/tmp";
  /** Where old blocks live when they get a volume of their own (geth's freezer, reth's static files). */
  public static final String ANCIENT_DIR = "/ancient";
  /** Inside a container an API must listen on every interface to be reachable; exposure is the port's business. */
  public static final String ALL_INTERFACES = "0.0.0.0";

  private ContainerLayout() {}
}
