package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Names;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A class of persistent storage that data volumes refer to by name. See {@link StorageClasses}
 * for cloud presets, and {@link #existing(String)} for a class the cluster already has.
 */
@Value.Immutable
@JsonSerialize(as = StorageClass.class)
@JsonDeserialize(as = StorageClass.class)
abstract class AbstractStorageClass {
  AbstractStorageClass() {}

  public abstract String name();

  /** The provisioner, e.g. {@code ebs.csi.aws.com}; {@code kubernetes.io/no-provisioner} for local disks. */
  @Value.Default
  public String provisioner() {
    return "";
  }

  public abstract Map<String, String> parameters();

  /** Retain by default: chain data is expensive to rebuild. */
  @Value.Default
  public ReclaimPolicy reclaim() {
    return ReclaimPolicy.RETAIN;
  }

  @Value.Default
  public VolumeBinding binding() {
    return VolumeBinding.WAIT_FOR_FIRST_CONSUMER;
  }

  @Value.Default
  public boolean allowExpansion() {
    return true;
  }

  /** Local disks offered through this class; only for the no-provisioner class. */
  public abstract List<LocalVolume> localVolumes();

  /** True for a class the platform already has: volumes may name it, nothing is rendered for it. */
  @Value.Default
  public boolean existing() {
    return false;
  }

  /** A class the cluster already provides, such as {@code standard}. */
  public static StorageClass existing(String name) {
    return StorageClass.builder().name(name).existing(true).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("storageClasses", name());
    v.subdomain("name", name());
    if (provisioner() == null) {
      v.add("provisioner", "is required (empty for an existing class)");
    } else if (!existing()) {
      if (v.require("provisioner", provisioner())) {
        Names.labelKeyProblem(provisioner()).ifPresent(p -> v.add("provisioner", "'" + provisioner() + "' " + p));
      }
    }
    if (!localVolumes().isEmpty() && !StorageClasses.NO_PROVISIONER.equals(provisioner())) {
      v.add("localVolumes", "local volumes belong to a class with provisioner " + StorageClasses.NO_PROVISIONER);
    }
    v.unique("localVolumes", localVolumes(), LocalVolume::name);
    v.require("reclaim", reclaim());
    v.require("binding", binding());
    v.throwIfAny();
  }
}
