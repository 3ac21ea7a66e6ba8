package io.chainwright.ethereum;

import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/** Secrets made of fresh random bytes, hex-encoded: generated per compile, never a fixed default. */
final class RandomSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomSecrets() {}

  /** A secret {@code name} whose entry {@code key} holds {@code bytes} random bytes as lower-case hex. */
  static Secret hex(String name, String key, int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    byte[] hex = HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII);
    try {
      return Secret.builder().name(name).putData(key, SecretValue.of(hex)).build();
    } finally {
      Arrays.fill(raw, (byte) 0);
      Arrays.fill(hex, (byte) 0);
    }
  }
}
