package io.chainwright.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Storage a workload's containers can mount: persistent data, secrets, config files, scratch space or a host device. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DataVolume.class, name = "data"),
  @JsonSubTypes.Type(value = SecretVolume.class, name = "secret"),
  @JsonSubTypes.Type(value = ConfigVolume.class, name = "config"),
  @JsonSubTypes.Type(value = ScratchVolume.class, name = "scratch"),
  @JsonSubTypes.Type(value = DeviceVolume.class, name = "device")
})
public interface Volume {
  /** The volume's name, unique within its workload. */
  String name();
}
