package io.chainwright.compose.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A service's mount in the long syntax.
 *
 * @param type {@code volume} (named, or anonymous without a source), {@code bind} or {@code tmpfs}
 * @param source the named volume, or the host path relative to the project folder; null for anonymous and tmpfs mounts
 * @param tmpfs the size of a tmpfs mount, if limited
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Mount(String type, String source, String target, @JsonProperty("read_only") Boolean readOnly, Tmpfs tmpfs) {
  public static final String VOLUME = "volume";
  public static final String BIND = "bind";
  public static final String TMPFS = "tmpfs";

  /** A tmpfs mount's size limit in bytes. */
  public record Tmpfs(long size) {}
}
