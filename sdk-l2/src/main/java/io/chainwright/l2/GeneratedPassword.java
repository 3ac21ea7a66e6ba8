package io.chainwright.l2;

import java.security.SecureRandom;

/** Fresh random passwords for databases a spec creates itself; never a fixed default. */
final class GeneratedPassword {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Letters and digits only, so the password can stand in a connection URL unescaped. */
  private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final int LENGTH = 32;

  private GeneratedPassword() {}

  static String fresh() {
    char[] c = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(c);
  }
}
