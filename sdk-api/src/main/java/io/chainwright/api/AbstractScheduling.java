package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Where replicas may run: node labels, tolerated taints, spreading, and the container runtime (e.g. a TEE). */
@Value.Immutable
@JsonSerialize(as = Scheduling.class)
@JsonDeserialize(as = Scheduling.class)
abstract class AbstractScheduling {
  /** Kata Containers with confidential computing. */
  public static final String KATA_CC = "kata-cc";
  /** Intel SGX enclaves. */
  public static final String SGX = "sgx";
  /** AMD SEV-SNP confidential VMs. */
  public static final String SEV_SNP = "kata-qemu-snp";

  public abstract Map<String, String> nodeSelector();

  public abstract List<Toleration> tolerations();

  public abstract Optional<AntiAffinity> antiAffinity();

  public abstract List<TopologySpread> topologySpread();

  /** The runtime class, e.g. {@link #KATA_CC} for confidential containers. */
  public abstract Optional<String> runtimeClass();

  /** No constraints. */
  public static Scheduling anywhere() {
    return Scheduling.builder().build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("scheduling");
    v.labels("nodeSelector", nodeSelector());
    runtimeClass().ifPresent(r -> v.subdomain("runtimeClass", r));
    v.throwIfAny();
  }
}
