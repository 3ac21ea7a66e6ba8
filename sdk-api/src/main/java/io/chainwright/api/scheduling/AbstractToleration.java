package io.chainwright.api.scheduling;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Names;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/** Permission to run on nodes with a matching taint, e.g. dedicated GPU nodes. */
@Value.Immutable
@JsonSerialize(as = Toleration.class)
@JsonDeserialize(as = Toleration.class)
abstract class AbstractToleration {
  AbstractToleration() {}

  public abstract String key();

  /** Empty tolerates any value of the key. */
  public abstract Optional<String> value();

  /** Empty tolerates every effect. */
  public abstract Optional<TaintEffect> effect();

  /** Tolerates {@code key=value:NoSchedule}. */
  public static Toleration noSchedule(String key, String value) {
    return Toleration.builder().key(key).value(value).effect(TaintEffect.NO_SCHEDULE).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("tolerations", key());
    if (v.require("key", key())) {
      Names.labelKeyProblem(key()).ifPresent(p -> v.add("key", "'" + key() + "' " + p));
    }
    value().flatMap(Names::labelValueProblem).ifPresent(p -> v.add("value", p));
    v.throwIfAny();
  }
}
