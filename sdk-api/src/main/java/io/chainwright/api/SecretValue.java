package io.chainwright.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a secret's bytes come from: held in memory, read from an environment variable, or read
 * from a file when a backend needs them.
 *
 * <p>In-memory values never leave the JVM through the model: {@code toString} masks them and JSON
 * or YAML writes {@code literal: "****"}. A model read back from such a file reports the redacted
 * value as a violation, so a secret is never silently replaced by its mask.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class SecretValue {
  static final String MASK = "****";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] literal;
  private final boolean redacted;
  private final String env;
  private final String file;

  private SecretValue(byte[] literal, boolean redacted, String env, String file) {
    this.literal = literal;
    this.redacted = redacted;
    this.env = env;
    this.file = file;
  }

  /** A value held in memory, e.g. a freshly generated key. */
  public static SecretValue of(byte[] value) {
    return new SecretValue(value.clone(), false, null, null);
  }

  /** A value held in memory, as UTF-8. */
  public static SecretValue of(String value) {
    return of(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A fresh value of {@code bytes} random bytes from a {@link SecureRandom}, hex-encoded: for the
   * passwords and tokens the SDK generates itself, so none is ever a fixed default.
   */
  public static SecretValue randomHex(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    byte[] hex = HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII);
    try {
      return of(hex);
    } finally {
      Arrays.fill(raw, (byte) 0);
      Arrays.fill(hex, (byte) 0);
    }
  }

  /** A value read from an environment variable of this process when it is needed. */
  public static SecretValue fromEnv(String variable) {
    return new SecretValue(null, false, Objects.requireNonNull(variable, "variable"), null);
  }

  /** A value read from a file when it is needed. */
  public static SecretValue fromFile(Path file) {
    return new SecretValue(null, false, null, file.toString());
  }

  @JsonCreator
  static SecretValue fromJson(
      @JsonProperty("literal") String literal, @JsonProperty("env") String env, @JsonProperty("file") String file) {
    // A literal in a model file is always the mask: real values are never written, so they are never read.
    return new SecretValue(null, literal != null, env, file);
  }

  @JsonProperty("literal")
  String literalForJson() {
    return literal != null || redacted ? MASK : null;
  }

  /** The environment variable this value comes from, if any. */
  @JsonProperty("env")
  public Optional<String> env() {
    return Optional.ofNullable(env);
  }

  /** The file this value comes from, if any. */
  @JsonProperty("file")
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  /** Why this value cannot be used, if it cannot: a redacted literal, or not exactly one source. */
  public Optional<String> problem() {
    if (redacted) {
      return Optional.of("the value was redacted when the model was written out; supply it again");
    }
    int sources = (literal != null ? 1 : 0) + (env != null ? 1 : 0) + (file != null ? 1 : 0);
    return sources == 1 ? Optional.empty() : Optional.of("give exactly one of a value, an environment variable or a file");
  }

  /** The bytes, read from their source now. */
  public byte[] resolve() {
    if (literal != null) {
      return literal.clone();
    }
    if (env != null) {
      String value = System.getenv(env);
      if (value == null) {
        throw new MaterialException("Secret value not available: environment variable " + env + " is not set");
      }
      return value.getBytes(StandardCharsets.UTF_8);
    }
    if (file != null) {
      try {
        return Files.readAllBytes(Path.of(file));
      } catch (IOException e) {
        throw new MaterialException("Secret value not available: cannot read " + file, e);
      }
    }
    throw new MaterialException("Secret value not available: " + problem().orElse("no source"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretValue s
        && MessageDigest.isEqual(literal, s.literal)
        && redacted == s.redacted
        && Objects.equals(env, s.env)
        && Objects.equals(file, s.file);
  }

  @Override
  public int hashCode() {
    return Objects.hash(redacted, env, file, literal == null ? 0 : literal.length);
  }

  @Override
  public String toString() {
    if (env != null) {
      return "env:" + env;
    }
    if (file != null) {
      return "file:" + file;
    }
    return MASK;
  }

  /** Clears an in-memory value; later use fails rather than leaking a stale copy. */
  public void wipe() {
    if (literal != null) {
      Arrays.fill(literal, (byte) 0);
    }
  }
}
