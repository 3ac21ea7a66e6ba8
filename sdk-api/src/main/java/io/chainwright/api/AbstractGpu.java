package io.chainwright.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * GPUs for one container: how many of which resource ({@code nvidia.com/gpu}, or a MIG slice such
 * as {@code nvidia.com/mig-1g.10gb}), and optionally which GPU model the node must have.
 */
@Value.Immutable
@JsonSerialize(as = Gpu.class)
@JsonDeserialize(as = Gpu.class)
abstract class AbstractGpu {
  public static final String WHOLE_GPU = "nvidia.com/gpu";

  @Value.Default
  public int count() {
    return 1;
  }

  /** The extended resource to request: a whole GPU or a MIG profile. */
  @Value.Default
  public String resource() {
    return WHOLE_GPU;
  }

  /** The GPU model the node must carry, matched against {@link #typeLabel()}, e.g. {@code NVIDIA-H100-80GB-HBM3}. */
  public abstract Optional<String> type();

  /** The node label that names the GPU model. */
  @Value.Default
  public String typeLabel() {
    return "nvidia.com/gpu.product";
  }

  /** True when this asks for a MIG slice rather than whole GPUs. */
  @JsonIgnore
  public boolean isMig() {
    return resource() != null && resource().startsWith("nvidia.com/mig-");
  }

  /** {@code count} whole GPUs. */
  public static Gpu whole(int count) {
    return Gpu.builder().count(count).build();
  }

  /** {@code count} slices of a MIG profile, e.g. {@code mig("1g.10gb", 1)}. */
  public static Gpu mig(String profile, int count) {
    return Gpu.builder().resource("nvidia.com/mig-" + profile).count(count).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("gpu");
    v.range("count", count(), 1, 64, "a GPU count");
    if (v.require("resource", resource())) {
      Names.labelKeyProblem(resource()).ifPresent(p -> v.add("resource", "'" + resource() + "' " + p));
    }
    if (v.require("typeLabel", typeLabel())) {
      Names.labelKeyProblem(typeLabel()).ifPresent(p -> v.add("typeLabel", "'" + typeLabel() + "' " + p));
    }
    type().flatMap(Names::labelValueProblem).ifPresent(p -> v.add("type", p));
    v.throwIfAny();
  }
}
