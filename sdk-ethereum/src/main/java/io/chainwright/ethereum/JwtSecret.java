package io.chainwright.ethereum;

import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;

/**
 * Creates the shared secret that authenticates a consensus client to its execution client's Engine
 * API; public so that rollup nodes (which pair the same way) generate theirs alike.
 */
public final class JwtSecret {
  /** The file name inside the secret, as both clients read it. */
  public static final String KEY = "jwt.hex";
  private static final int BYTES = 32;

  private JwtSecret() {}

  /** A fresh random secret, hex-encoded as the clients expect; never a fixed default. */
  public static Secret fresh(String name) {
    return Secret.builder().name(name).putData(KEY, SecretValue.randomHex(BYTES)).build();
  }
}
