package io.chainwright.api.volume;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Storage a workload's containers can mount: persistent data, secrets, config files, scratch space
 * or a host device. The family is closed, so a {@code switch} over its five types needs no default.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DataVolume.class, name = "data"),
  @JsonSubTypes.Type(value = SecretVolume.class, name = "secret"),
  @JsonSubTypes.Type(value = ConfigVolume.class, name = "config"),
  @JsonSubTypes.Type(value = ScratchVolume.class, name = "scratch"),
  @JsonSubTypes.Type(value = DeviceVolume.class, name = "device")
})
public sealed interface Volume permits AbstractDataVolume, AbstractSecretVolume, AbstractConfigVolume, AbstractScratchVolume, AbstractDeviceVolume {
  /** The volume's name, unique within its workload. */
  String name();
}
