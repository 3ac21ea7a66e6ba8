package io.chainwright.ethereum.bridge;

/**
 * The environment a {@link Bridge} gives its listener and executor images: the contract a
 * platform's own bridge programs read. Addresses are plain values; the queue's password and the
 * signer's key are files, never values in the environment.
 */
public final class BridgeEnv {
  /** Each chain's variables are this, then {@code SOURCE} or {@code DESTINATION}, then {@link #CHAIN}, {@link #CHAIN_ID} or {@link #RPC_URL}. */
  public static final String PREFIX = "BRIDGE_";
  /** The chain's short name, e.g. {@code BRIDGE_SOURCE_CHAIN=l1}. */
  public static final String CHAIN = "_CHAIN";
  /** The chain id, in decimal. */
  public static final String CHAIN_ID = "_CHAIN_ID";
  /** The chain's JSON-RPC address. */
  public static final String RPC_URL = "_RPC_URL";
  /** Blocks the listener waits on the source chain before it queues a message. */
  public static final String CONFIRMATIONS = "BRIDGE_CONFIRMATIONS";
  /** {@code host:port} of the queue's Redis. */
  public static final String REDIS_ADDRESS = "BRIDGE_REDIS_ADDRESS";
  /** The file holding the Redis password (the {@code default} user's). */
  public static final String REDIS_PASSWORD_FILE = "BRIDGE_REDIS_PASSWORD_FILE";
  /** The Redis list the listener pushes messages onto and the executor takes them from. */
  public static final String QUEUE = "BRIDGE_QUEUE";
  /** The port to answer the bridge's health path on, when the bridge names one. */
  public static final String HEALTH_PORT = "BRIDGE_HEALTH_PORT";
  /** The executor's signing key file, for transactions on the destination chain. */
  public static final String SIGNER_KEY_FILE = "BRIDGE_SIGNER_KEY_FILE";

  private BridgeEnv() {}

  /** E.g. {@code BRIDGE_SOURCE_RPC_URL} for side {@code SOURCE} and field {@link #RPC_URL}. */
  static String side(String side, String field) {
    return PREFIX + side + field;
  }
}
