package io.chainwright.ethereum.el;

import java.util.regex.Pattern;

/** Recognises IP address literals without resolving anything. */
final class IpAddresses {
  private static final Pattern V4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:]+(:[0-9.]+)?");

  private IpAddresses() {}

  static boolean isLiteral(String text) {
    return text != null && (V4.matcher(text).matches() || text.contains(":") && V6.matcher(text).matches());
  }
}
