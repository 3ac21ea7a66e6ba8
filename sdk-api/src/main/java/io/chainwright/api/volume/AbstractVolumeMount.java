package io.chainwright.api.volume;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/** Where a container sees one of its workload's volumes. */
@Value.Immutable
@JsonSerialize(as = VolumeMount.class)
@JsonDeserialize(as = VolumeMount.class)
abstract class AbstractVolumeMount {
  /** The name of a volume declared on the workload. */
  public abstract String volume();

  /** The absolute path inside the container. */
  public abstract String path();

  @Value.Default
  public boolean readOnly() {
    return false;
  }

  /** A path inside the volume to mount instead of its root. */
  public abstract Optional<String> subPath();

  /** A writable mount. */
  public static VolumeMount of(String volume, String path) {
    return VolumeMount.builder().volume(volume).path(path).build();
  }

  /** A read-only mount. */
  public static VolumeMount readOnly(String volume, String path) {
    return VolumeMount.builder().volume(volume).path(path).readOnly(true).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("mounts", volume());
    v.label("volume", volume());
    if (v.require("path", path()) && !path().startsWith("/")) {
      v.add("path", "'" + path() + "' is not an absolute path");
    }
    subPath().filter(s -> s.startsWith("/") || s.contains("..")).ifPresent(s -> v.add("subPath", "'" + s + "' must be relative and stay inside the volume"));
    v.throwIfAny();
  }
}
