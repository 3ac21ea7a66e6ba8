package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Names;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The GPU software on the platform's GPU nodes: driver, container toolkit, the DCGM exporter that
 * publishes GPU metrics, and the MIG manager with the MIG layouts nodes may be switched between.
 * On Kubernetes it becomes the NVIDIA GPU Operator's cluster policy and a MIG layout config map;
 * Compose uses the host's driver and ignores it.
 */
@Value.Immutable
@JsonSerialize(as = GpuPolicy.class)
@JsonDeserialize(as = GpuPolicy.class)
abstract class AbstractGpuPolicy {
  AbstractGpuPolicy() {}

  /** The namespace the GPU operator runs in; the MIG layout config map is written there. */
  @Value.Default
  public String operatorNamespace() {
    return "gpu-operator";
  }

  /** Render the operator's cluster policy; false when it is managed elsewhere and only described here. */
  @Value.Default
  public boolean managePolicy() {
    return true;
  }

  /** Install the driver in a container; false when nodes come with one. */
  @Value.Default
  public boolean driver() {
    return true;
  }

  /** The driver version when the operator installs it; the operator's default when absent. */
  public abstract Optional<String> driverVersion();

  /** Install the NVIDIA container toolkit. */
  @Value.Default
  public boolean toolkit() {
    return true;
  }

  /** Run the DCGM exporter, the source of per-pod GPU metrics such as {@code DCGM_FI_DEV_GPU_UTIL}. */
  @Value.Default
  public boolean dcgmExporter() {
    return true;
  }

  /** Let Prometheus discover the DCGM exporter through a service monitor. */
  @Value.Default
  public boolean dcgmServiceMonitor() {
    return true;
  }

  @Value.Default
  public MigStrategy migStrategy() {
    return MigStrategy.NONE;
  }

  /** Layouts the MIG manager may apply; a node picks one with the label {@code nvidia.com/mig.config}. */
  public abstract List<MigLayout> migLayouts();

  /**
   * The layout of nodes that carry no {@code nvidia.com/mig.config} label: {@code all-disabled}, the
   * only default the operator's ClusterPolicy accepts. Other layouts are chosen per node, by
   * labelling it ({@link #migNodeLabel}).
   */
  public abstract Optional<String> defaultMigLayout();

  /** The label that makes the MIG manager apply {@code layout} to a node, e.g. {@code nvidia.com/mig.config: all-3g.40gb}. */
  public Map<String, String> migNodeLabel(String layout) {
    return Map.of(MIG_CONFIG_LABEL, layout);
  }

  /** True when the policy makes per-pod DCGM metrics available for autoscaling. */
  public boolean providesDcgmMetrics() {
    return dcgmExporter();
  }

  /** The config map that holds the MIG layouts. */
  public String migConfigMapName() {
    return "chainwright-mig-layouts";
  }

  /** The node label the MIG manager reads to choose a layout. */
  public static final String MIG_CONFIG_LABEL = "nvidia.com/mig.config";
  /** The layout with MIG off, the only one a ClusterPolicy may name as its default. */
  public static final String MIG_DISABLED = "all-disabled";

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("gpu");
    v.label("operatorNamespace", operatorNamespace());
    driverVersion().filter(d -> !d.matches("[0-9][0-9a-zA-Z.+-]*"))
        .ifPresent(d -> v.add("driverVersion", "'" + d + "' is not a driver version such as 550.90.07"));
    if (driverVersion().isPresent() && !driver()) {
      v.add("driverVersion", "a driver version only applies when the operator installs the driver");
    }
    if (dcgmServiceMonitor() && !dcgmExporter()) {
      v.add("dcgmServiceMonitor", "a service monitor needs the DCGM exporter");
    }
    v.require("migStrategy", migStrategy());
    v.unique("migLayouts", migLayouts(), MigLayout::name);
    if (migStrategy() == MigStrategy.NONE && !migLayouts().isEmpty()) {
      v.add("migLayouts", "MIG layouts need a MIG strategy (SINGLE or MIXED)");
    }
    defaultMigLayout().filter(d -> !d.equals(MIG_DISABLED)).ifPresent(d -> v.add("defaultMigLayout", "the GPU Operator's"
        + " ClusterPolicy takes only '" + MIG_DISABLED + "' as the default MIG layout; label the nodes that should run '" + d
        + "' with " + MIG_CONFIG_LABEL + "=" + d + " instead"));
    defaultMigLayout().filter(d -> migLayouts().stream().noneMatch(l -> l.name().equals(d)))
        .ifPresent(d -> v.add("defaultMigLayout", "'" + d + "' is not one of the MIG layouts"));
    defaultMigLayout().flatMap(Names::labelValueProblem).ifPresent(p -> v.add("defaultMigLayout", p));
    v.throwIfAny();
  }
}
