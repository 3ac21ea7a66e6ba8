package io.chainwright.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference: repository plus tag or digest, e.g. {@code ethereum/client-go:v1.15.11}.
 *
 * <p>It keeps the text as written; {@link #problem()} says why it is not a valid reference, and
 * the container holding it reports that with its path.
 */
public final class Image {
  private static final Pattern REFERENCE = Pattern.compile(
      "((?:[a-zA-Z0-9.-]+(?::\\d+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)"
          + "(?::([\\w][\\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?");

  /** Longer references are refused before matching: registries refuse them, and the pattern would recurse too deep. */
  private static final int MAX_LENGTH = 1024;

  /**
   * A small image with a POSIX shell, awk and the other usual tools, for the setup steps the SDK
   * writes itself: busybox 1.35.0, the version Debian's busybox-static package ships.
   */
  public static final Image SHELL = new Image("busybox:1.35.0");

  private final String reference;

  private Image(String reference) {
    this.reference = Objects.requireNonNullElse(reference, "");
  }

  /** An image from its reference, e.g. {@code hyperledger/fabric-peer:2.5.12}. */
  @JsonCreator
  public static Image of(String reference) {
    return new Image(reference);
  }

  /** The reference as written. */
  @JsonValue
  public String reference() {
    return reference;
  }

  /** Why this is not a usable image reference, if it is not one. */
  public Optional<String> problem() {
    if (reference.isBlank()) {
      return Optional.of("is required");
    }
    if (reference.length() > MAX_LENGTH) {
      return Optional.of("is longer than " + MAX_LENGTH + " characters");
    }
    Matcher m = REFERENCE.matcher(reference);
    if (!m.matches()) {
      return Optional.of("'" + reference + "' is not an image reference (repository[:tag][@sha256:digest])");
    }
    return Optional.empty();
  }

  /** The repository, e.g. {@code ethereum/client-go}. */
  public String repository() {
    Matcher m = REFERENCE.matcher(reference);
    return m.matches() ? m.group(1) : reference;
  }

  /** The tag, if the reference names one. */
  public Optional<String> tag() {
    Matcher m = REFERENCE.matcher(reference);
    return m.matches() ? Optional.ofNullable(m.group(2)) : Optional.empty();
  }

  /** The digest, if the reference pins one. */
  public Optional<String> digest() {
    Matcher m = REFERENCE.matcher(reference);
    return m.matches() ? Optional.ofNullable(m.group(3)) : Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Image i && i.reference.equals(reference);
  }

  @Override
  public int hashCode() {
    return reference.hashCode();
  }

  @Override
  public String toString() {
    return reference;
  }
}
