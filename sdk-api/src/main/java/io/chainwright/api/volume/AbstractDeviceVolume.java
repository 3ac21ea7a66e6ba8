package io.chainwright.api.volume;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import org.immutables.value.Value;

/** A device of the host, such as {@code /dev/sgx_enclave}, passed into the container. */
@Value.Immutable
@JsonSerialize(as = DeviceVolume.class)
@JsonDeserialize(builder = DeviceVolume.Builder.class)
abstract sealed class AbstractDeviceVolume implements Volume permits DeviceVolume {
  @Override
  public abstract String name();

  /** The device path on the host, under {@code /dev}. */
  public abstract String hostPath();

  public static DeviceVolume of(String name, String hostPath) {
    return DeviceVolume.builder().name(name).hostPath(hostPath).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("volumes", name());
    v.label("name", name());
    if (v.require("hostPath", hostPath()) && !hostPath().startsWith("/dev/")) {
      v.add("hostPath", "'" + hostPath() + "' is not a device path under /dev/");
    }
    v.throwIfAny();
  }
}
