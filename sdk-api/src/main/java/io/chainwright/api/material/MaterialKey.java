package io.chainwright.api.material;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable name of one piece of generated material: the network it belongs to, its owner (a
 * workload, an org, a channel) and its own name, e.g. {@code (trade, org1, peer0.tls)}.
 *
 * <p>Each part is a file-name-safe word (letters, digits, {@code . _ @ -}, not starting with a dot),
 * because the directory store keeps a piece at {@code <network>/<owner>/<name>}.
 */
public record MaterialKey(String network, String owner, String name) {
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_@-][A-Za-z0-9._@-]{0,127}");

  /**
   * @throws IllegalArgumentException naming the part that is not a file-name-safe word
   */
  public MaterialKey {
    check("network", network);
    check("owner", owner);
    check("name", name);
  }

  /** The key of {@code name} owned by {@code owner} in {@code network}. */
  public static MaterialKey of(String network, String owner, String name) {
    return new MaterialKey(network, owner, name);
  }

  private static void check(String part, String value) {
    Objects.requireNonNull(value, part);
    if (!PART.matcher(value).matches()) {
      throw new IllegalArgumentException("Material key " + part + " '" + value
          + "' must be 1-128 letters, digits or . _ @ -, not starting with a dot");
    }
  }

  /** {@code network/owner/name}: the path of this piece in a directory store and in its manifest. */
  public String path() {
    return network + "/" + owner + "/" + name;
  }

  @Override
  public String toString() {
    return path();
  }
}
