package io.chainwright.api.exposure;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Names;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** A port published through a cloud load balancer. */
@Value.Immutable
@JsonSerialize(as = LoadBalancerExposure.class)
@JsonDeserialize(builder = LoadBalancerExposure.Builder.class)
abstract sealed class AbstractLoadBalancerExposure implements Exposure permits LoadBalancerExposure {
  /** Provider annotations, e.g. {@code service.beta.kubernetes.io/aws-load-balancer-type: nlb}. */
  public abstract Map<String, String> annotations();

  /** Client address ranges allowed in; empty allows any. */
  public abstract List<String> sourceRanges();

  @Value.Default
  public TrafficPolicy trafficPolicy() {
    return TrafficPolicy.LOCAL;
  }

  @Override
  public boolean leavesNetwork() {
    return true;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("exposure");
    v.require("trafficPolicy", trafficPolicy());
    annotations().keySet().forEach(k -> Names.labelKeyProblem(k).ifPresent(p -> v.add("annotations", "key '" + k + "' " + p)));
    v.throwIfAny();
  }
}
