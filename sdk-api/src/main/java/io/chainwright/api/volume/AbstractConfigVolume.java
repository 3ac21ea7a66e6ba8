package io.chainwright.api.volume;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Map;
import org.immutables.value.Value;

/** Non-secret configuration files (file name to content), mounted read-only. */
@Value.Immutable
@JsonSerialize(as = ConfigVolume.class)
@JsonDeserialize(builder = ConfigVolume.Builder.class)
abstract sealed class AbstractConfigVolume implements Volume permits ConfigVolume {
  @Override
  public abstract String name();

  /** File name to content. Never put secrets here; use a {@link SecretVolume}. */
  public abstract Map<String, String> files();

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("volumes", name());
    v.label("name", name());
    for (String file : files().keySet()) {
      if (!file.matches("[-._a-zA-Z0-9]+") || file.equals(".") || file.equals("..")) {
        v.in("files", file).add("is not a plain file name (letters, digits, '-', '_' and '.')");
      }
    }
    v.throwIfAny();
  }
}
