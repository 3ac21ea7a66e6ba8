package io.chainwright.api.volume;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The keys of a secret, mounted as read-only files (mode 0400 unless stated otherwise): each key at
 * its own name, or, when {@link #items()} is given, only the listed keys at the listed relative paths,
 * which lets one secret fill a folder tree such as an MSP.
 */
@Value.Immutable
@JsonSerialize(as = SecretVolume.class)
@JsonDeserialize(builder = SecretVolume.Builder.class)
abstract sealed class AbstractSecretVolume implements Volume permits SecretVolume {
  /** Folders and a file name, each made of the characters a secret key may hold, none of them "." or "..". */
  private static final Pattern RELATIVE_FILE = Pattern.compile("(?!\\.{1,2}(/|$))[-._a-zA-Z0-9]+(/(?!\\.{1,2}(/|$))[-._a-zA-Z0-9]+)*");

  @Override
  public abstract String name();

  /** The name of a secret declared on the network. */
  public abstract String secret();

  /** File mode of each key's file; owner read-only by default. */
  @Value.Default
  public int fileMode() {
    return 0400;
  }

  /**
   * Key to relative file path (may hold folders, e.g. {@code msp/keystore/key.pem}); when empty, every
   * key is mounted at its own name.
   */
  public abstract Map<String, String> items();

  /** The relative path {@code key} is mounted at: its item path, its own name when there are no items, or none when items leave it out. */
  public Optional<String> pathOf(String key) {
    return items().isEmpty() ? Optional.of(key) : Optional.ofNullable(items().get(key));
  }

  public static SecretVolume of(String name, String secret) {
    return SecretVolume.builder().name(name).secret(secret).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("volumes", name());
    v.label("name", name());
    v.subdomain("secret", secret());
    v.range("fileMode", fileMode(), 0, 0777, "a file mode");
    items().forEach((key, path) -> {
      if (path == null || !RELATIVE_FILE.matcher(path).matches()) {
        v.in("items", key).add("'" + path + "' must be a relative file path inside the volume");
      }
    });
    v.unique("items", items().values().stream().filter(Objects::nonNull).toList(), p -> p);
    v.throwIfAny();
  }
}
