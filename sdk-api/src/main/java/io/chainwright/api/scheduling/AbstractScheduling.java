package io.chainwright.api.scheduling;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Where replicas may run: node labels, tolerated taints, spreading, and the container runtime (e.g. a TEE). */
@Value.Immutable
@JsonSerialize(as = Scheduling.class)
@JsonDeserialize(as = Scheduling.class)
abstract class AbstractScheduling {
  /** Kata Containers in an AMD SEV-SNP confidential VM. */
  public static final String SEV_SNP = "kata-qemu-snp";
  /** Kata Containers in an Intel TDX confidential VM. */
  public static final String TDX = "kata-qemu-tdx";

  public abstract Map<String, String> nodeSelector();

  public abstract List<Toleration> tolerations();

  public abstract Optional<AntiAffinity> antiAffinity();

  public abstract List<TopologySpread> topologySpread();

  /**
   * The runtime class, e.g. {@link #SEV_SNP} or {@link #TDX} for a confidential VM per pod. SGX
   * enclaves are no runtime class: ask for them with {@link io.chainwright.api.Resources#sgx()}.
   */
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
