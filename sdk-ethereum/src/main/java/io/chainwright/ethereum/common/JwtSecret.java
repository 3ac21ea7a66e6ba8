package io.chainwright.ethereum.common;

import io.chainwright.api.Secret;
import io.chainwright.api.material.Materials;

/**
 * Creates the shared secret that authenticates a consensus client to its execution client's Engine
 * API; public so that rollup nodes (which pair the same way) generate theirs alike.
 */
public final class JwtSecret {
  /** The file name inside the secret, as both clients read it. */
  public static final String KEY = "jwt.hex";
  /** Where both clients of a pair mount the secret, read-only. */
  public static final String MOUNT_DIR = "/secrets/jwt";
  /** The secret's file as both clients are told to read it. */
  public static final String FILE = MOUNT_DIR + "/" + KEY;
  private static final int BYTES = 32;

  private JwtSecret() {}

  /**
   * The secret called {@code name}: random, hex-encoded as the clients expect, made once in
   * {@code materials} and read back after; never a fixed default.
   */
  public static Secret of(String name, Materials materials) {
    return Secret.builder().name(name).putData(KEY, materials.randomHex(name, KEY, BYTES)).build();
  }
}
