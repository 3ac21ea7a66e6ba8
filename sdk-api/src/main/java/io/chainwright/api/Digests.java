package io.chainwright.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, which every JDK has, without the checked exception that says it might not. */
public final class Digests {
  private Digests() {}

  /** The SHA-256 of {@code bytes}. */
  public static byte[] sha256(byte[] bytes) {
    return sha256().digest(bytes);
  }

  /** The SHA-256 of {@code bytes}, as lower-case hex. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256(bytes));
  }

  /** A fresh SHA-256 digest, for input that arrives in pieces. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
