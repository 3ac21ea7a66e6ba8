package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Caps on what a tenant's network may use in total, plus default container limits. */
@Value.Immutable
@JsonSerialize(as = TenantQuota.class)
@JsonDeserialize(as = TenantQuota.class)
abstract class AbstractTenantQuota {
  public abstract Optional<String> cpu();

  public abstract Optional<String> memory();

  public abstract Optional<String> storage();

  public abstract Optional<Integer> persistentVolumeClaims();

  public abstract Optional<Integer> pods();

  public abstract Optional<Integer> gpus();

  /** The CPU limit of a container that states none. */
  public abstract Optional<String> defaultCpuLimit();

  /** The memory limit of a container that states none. */
  public abstract Optional<String> defaultMemoryLimit();

  /** Storage a class may hold in total, by storage class name, e.g. {@code nvme: 4Ti}. */
  public abstract Map<String, String> storageClassLimits();

  /** The CPU request of a container that states none. */
  public abstract Optional<String> defaultCpuRequest();

  /** The memory request of a container that states none. */
  public abstract Optional<String> defaultMemoryRequest();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("quota");
    v.quantity("cpu", cpu());
    v.quantity("memory", memory());
    v.quantity("storage", storage());
    v.quantity("defaultCpuLimit", defaultCpuLimit());
    v.quantity("defaultMemoryLimit", defaultMemoryLimit());
    v.quantity("defaultCpuRequest", defaultCpuRequest());
    v.quantity("defaultMemoryRequest", defaultMemoryRequest());
    storageClassLimits().forEach((storageClass, size) -> {
      v.in("storageClassLimits").subdomain("class", storageClass);
      v.in("storageClassLimits").quantity(storageClass, Optional.ofNullable(size));
    });
    persistentVolumeClaims().ifPresent(n -> v.range("persistentVolumeClaims", n, 0, 1_000_000, "a count"));
    pods().ifPresent(n -> v.range("pods", n, 0, 1_000_000, "a count"));
    gpus().ifPresent(n -> v.range("gpus", n, 0, 100_000, "a count"));
    v.throwIfAny();
  }
}
