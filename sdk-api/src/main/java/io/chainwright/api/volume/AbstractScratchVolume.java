package io.chainwright.api.volume;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/** Empty scratch space that lives as long as the replica, on disk or in memory. */
@Value.Immutable
@JsonSerialize(as = ScratchVolume.class)
@JsonDeserialize(builder = ScratchVolume.Builder.class)
abstract sealed class AbstractScratchVolume implements Volume permits ScratchVolume {
  @Override
  public abstract String name();

  public abstract Optional<String> sizeLimit();

  @Value.Default
  public boolean inMemory() {
    return false;
  }

  public static ScratchVolume of(String name) {
    return ScratchVolume.builder().name(name).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("volumes", name());
    v.label("name", name());
    v.quantity("sizeLimit", sizeLimit());
    v.throwIfAny();
  }
}
