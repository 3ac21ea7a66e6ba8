package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Names;
import io.chainwright.api.Violations;
import java.util.Map;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One named MIG layout: how the GPUs of a node are cut into slices, e.g. seven {@code 1g.10gb}
 * slices per GPU. No slices means MIG is switched off on those GPUs.
 */
@Value.Immutable
@JsonSerialize(as = MigLayout.class)
@JsonDeserialize(as = MigLayout.class)
abstract class AbstractMigLayout {
  /** A MIG profile: compute slices, then memory, e.g. {@code 1g.10gb} or {@code 1g.10gb+me}. */
  static final Pattern PROFILE = Pattern.compile("[1-8]g\\.[0-9]+gb(\\+me)?");

  /** The layout's name, the value of a node's {@code nvidia.com/mig.config} label. */
  public abstract String name();

  /** Which GPUs of the node the layout applies to: {@code all}, or GPU indexes such as {@code 0,1}. */
  @Value.Default
  public String devices() {
    return "all";
  }

  /** Profile to number of slices per GPU; empty switches MIG off. */
  public abstract Map<String, Integer> slices();

  /** {@code count} slices of {@code profile} on every GPU, named {@code all-<profile>}. */
  public static MigLayout uniform(String profile, int count) {
    return MigLayout.builder().name("all-" + profile).putSlice(profile, count).build();
  }

  /** MIG switched off on every GPU. */
  public static MigLayout disabled() {
    return MigLayout.builder().name(GpuPolicy.MIG_DISABLED).build();
  }

  /** True when this layout switches MIG on. */
  public boolean migEnabled() {
    return !slices().isEmpty();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("migLayouts", name());
    if (v.require("name", name())) {
      Names.labelValueProblem(name()).ifPresent(p -> v.add("name", p));
    }
    if (v.require("devices", devices()) && !devices().matches("all|[0-9]+(,[0-9]+)*")) {
      v.add("devices", "'" + devices() + "' is not 'all' or a list of GPU indexes such as 0,1");
    }
    slices().forEach((profile, count) -> {
      if (!PROFILE.matcher(profile).matches()) {
        v.in("slices", profile).add("is not a MIG profile such as 1g.10gb");
      }
      if (count == null || count < 1 || count > 7) {
        v.in("slices", profile).add(count + " is not a slice count (1-7)");
      }
    });
    v.throwIfAny();
  }
}
