package io.chainwright.zk;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import io.chainwright.api.policy.Autoscaler;
import io.chainwright.api.policy.ScalingMetric;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a proof service scales its provers: on the GPU utilisation DCGM reports for each pod, on
 * the length of the proof queue per replica (an external metric), or both, between bounds.
 */
@Value.Immutable
@JsonSerialize(as = ProofAutoscaling.class)
@JsonDeserialize(as = ProofAutoscaling.class)
abstract class AbstractProofAutoscaling {
  /** The per-pod GPU utilisation metric of NVIDIA's DCGM exporter, in percent. */
  public static final String GPU_UTILISATION_METRIC = "DCGM_FI_DEV_GPU_UTIL";

  @Value.Default
  public int minReplicas() {
    return 1;
  }

  public abstract int maxReplicas();

  /** Target average GPU utilisation per pod, in percent. */
  public abstract Optional<Integer> gpuUtilization();

  /** Target queued proofs per replica. */
  public abstract Optional<Integer> queueLengthPerReplica();

  /** The external metric that reports the queue's length. */
  @Value.Default
  public String queueMetric() {
    return "proof_queue_length";
  }

  /** Labels that select the queue's series of the external metric. */
  public abstract Map<String, String> queueSelector();

  /** The autoscaler for workload {@code workload}. */
  public Autoscaler toAutoscaler(String workload) {
    Autoscaler.Builder a = Autoscaler.builder().workload(workload).minReplicas(minReplicas()).maxReplicas(maxReplicas());
    gpuUtilization().ifPresent(u -> a.addMetric(ScalingMetric.podsAverage(GPU_UTILISATION_METRIC, Integer.toString(u))));
    queueLengthPerReplica().ifPresent(q -> a.addMetric(ScalingMetric.builder()
        .from(ScalingMetric.externalAverage(queueMetric(), Integer.toString(q))).selector(queueSelector()).build()));
    return a.build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("autoscaling");
    v.range("minReplicas", minReplicas(), 1, 10_000, "a replica count");
    v.range("maxReplicas", maxReplicas(), 1, 10_000, "a replica count");
    if (minReplicas() > maxReplicas()) {
      v.add("minReplicas", minReplicas() + " is above maxReplicas " + maxReplicas());
    }
    gpuUtilization().ifPresent(u -> v.range("gpuUtilization", u, 1, 100, "a utilisation in percent"));
    queueLengthPerReplica().ifPresent(q -> v.range("queueLengthPerReplica", q, 1, 1_000_000, "a queue length"));
    if (gpuUtilization().isEmpty() && queueLengthPerReplica().isEmpty()) {
      v.add("scale on gpuUtilization, queueLengthPerReplica or both");
    }
    v.require("queueMetric", queueMetric());
    v.labels("queueSelector", queueSelector());
    v.throwIfAny();
  }
}
