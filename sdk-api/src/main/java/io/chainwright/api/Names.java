package io.chainwright.api;

import java.util.Optional;
import java.util.regex.Pattern;

/** The naming rules platforms enforce, checked (never rewritten) before anything is rendered. */
public final class Names {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  private Names() {}

  /** Why {@code name} is not a DNS-1123 label, if it is not one. */
  public static Optional<String> dnsLabelProblem(String name) {
    if (name.length() > 63) {
      return Optional.of("'" + name + "' is longer than 63 characters");
    }
    if (!DNS_LABEL.matcher(name).matches()) {
      return Optional.of("'" + name + "' is not a DNS-1123 label (lower-case letters, digits and '-', "
          + "starting and ending with a letter or digit)");
    }
    return Optional.empty();
  }

  /** Why {@code name} is not a DNS-1123 subdomain, if it is not one. */
  public static Optional<String> dnsSubdomainProblem(String name) {
    if (name.length() > 253) {
      return Optional.of("'" + name + "' is longer than 253 characters");
    }
    for (String part : name.split("\\.", -1)) {
      if (part.isEmpty() || !DNS_LABEL.matcher(part).matches()) {
        return Optional.of("'" + name + "' is not a DNS-1123 subdomain (dot-separated lower-case labels)");
      }
    }
    return Optional.empty();
  }

  /** Why {@code name} cannot name a port (IANA service name rules: at most 15, one letter at least). */
  public static Optional<String> portNameProblem(String name) {
    if (name.length() > 15) {
      return Optional.of("'" + name + "' is longer than 15 characters, the limit for port names");
    }
    if (!PORT_NAME.matcher(name).matches() || name.contains("--") || name.chars().noneMatch(Character::isLetter)) {
      return Optional.of("'" + name + "' is not a port name (lower-case letters, digits and single '-', "
          + "with at least one letter)");
    }
    return Optional.empty();
  }

  /** Why {@code name} cannot name an environment variable, if it cannot. */
  public static Optional<String> envNameProblem(String name) {
    return ENV_NAME.matcher(name).matches()
        ? Optional.empty()
        : Optional.of("'" + name + "' is not an environment variable name");
  }

  /** Why {@code key} is not a label or annotation key ({@code [prefix/]name}), if it is not one. */
  public static Optional<String> labelKeyProblem(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0 && dnsSubdomainProblem(key.substring(0, slash)).isPresent()) {
      return Optional.of("has a prefix that is not a DNS-1123 subdomain");
    }
    if (name.isEmpty() || name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
      return Optional.of("is not a qualified name (at most 63 letters, digits, '-', '_' or '.')");
    }
    return Optional.empty();
  }

  /** Why {@code value} cannot be a label value, if it cannot. */
  public static Optional<String> labelValueProblem(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.length() > 63 || !LABEL_NAME.matcher(value).matches()) {
      return Optional.of("'" + value + "' is not a label value (at most 63 letters, digits, '-', '_' or '.')");
    }
    return Optional.empty();
  }
}
