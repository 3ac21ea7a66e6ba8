package io.chainwright.api.volume;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Quantity;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/** Persistent data that outlives restarts, one volume per replica. Kept on teardown unless the caller asks otherwise. */
@Value.Immutable
@JsonSerialize(as = DataVolume.class)
@JsonDeserialize(builder = DataVolume.Builder.class)
abstract sealed class AbstractDataVolume implements Volume permits DataVolume {
  @Override
  public abstract String name();

  /** The size, e.g. {@code 2Ti}. */
  public abstract String size();

  /** A storage class declared on the network; empty uses the platform's default. */
  public abstract Optional<String> storageClass();

  @Value.Default
  public AccessMode accessMode() {
    return AccessMode.READ_WRITE_ONCE;
  }

  /** Keep the data when the network is torn down or the workload is removed. True by default. */
  @Value.Default
  public boolean keepOnDelete() {
    return true;
  }

  /** A read-write-once volume of {@code size} in the platform's default storage class. */
  public static DataVolume of(String name, String size) {
    return DataVolume.builder().name(name).size(size).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("volumes", name());
    v.label("name", name());
    if (v.require("size", size())) {
      Quantity.tryParse(size()).ifPresentOrElse(
          q -> { if (q.amount().signum() <= 0) v.add("size", "'" + size() + "' must be larger than zero"); },
          () -> v.add("size", Quantity.problem(size())));
    }
    storageClass().ifPresent(s -> v.subdomain("storageClass", s));
    v.require("accessMode", accessMode());
    v.throwIfAny();
  }
}
