package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an autoscaler watches: a resource's utilisation, a per-pod metric (such as GPU
 * utilisation from DCGM), or an external metric (such as a proof queue's length).
 */
@Value.Immutable
@JsonSerialize(as = ScalingMetric.class)
@JsonDeserialize(as = ScalingMetric.class)
abstract class AbstractScalingMetric {
  AbstractScalingMetric() {}

  public abstract ScalingMetricSource source();

  /** {@code cpu} or {@code memory} for resources; the metric name otherwise. */
  public abstract String name();

  /** Resources only: the target average utilisation in percent. */
  public abstract Optional<Integer> targetUtilization();

  /** Pods and external metrics: the target average value per replica, e.g. {@code 80}. */
  public abstract Optional<String> targetAverageValue();

  /** External metrics only: labels selecting the series. */
  public abstract Map<String, String> selector();

  public static ScalingMetric cpuUtilization(int percent) {
    return ScalingMetric.builder().source(ScalingMetricSource.RESOURCE).name("cpu").targetUtilization(percent).build();
  }

  public static ScalingMetric podsAverage(String metric, String averageValue) {
    return ScalingMetric.builder().source(ScalingMetricSource.PODS).name(metric).targetAverageValue(averageValue).build();
  }

  public static ScalingMetric externalAverage(String metric, String averageValue) {
    return ScalingMetric.builder().source(ScalingMetricSource.EXTERNAL).name(metric).targetAverageValue(averageValue).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("metrics", name());
    if (!v.require("source", source()) | !v.require("name", name())) {
      v.throwIfAny();
    }
    if (source() == ScalingMetricSource.RESOURCE) {
      if (!name().equals("cpu") && !name().equals("memory")) {
        v.add("name", "a resource metric is cpu or memory, not '" + name() + "'");
      }
      targetUtilization().ifPresentOrElse(
          u -> v.range("targetUtilization", u, 1, 1000, "a utilisation in percent"),
          () -> v.add("targetUtilization", "a resource metric needs a target utilisation"));
    } else {
      if (targetAverageValue().isEmpty()) {
        v.add("targetAverageValue", "a " + source().name().toLowerCase(java.util.Locale.ROOT) + " metric needs a target average value");
      }
      v.quantity("targetAverageValue", targetAverageValue());
      targetUtilization().ifPresent(u -> v.add("targetUtilization", "only resource metrics take a utilisation"));
    }
    if (source() != ScalingMetricSource.EXTERNAL && !selector().isEmpty()) {
      v.add("selector", "only external metrics take a selector");
    }
    v.throwIfAny();
  }
}
