package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Intel SGX for one container, as Intel's SGX device plugin offers it: enclave page cache memory,
 * the enclave device, and optionally the provisioning device that remote attestation needs. Pods
 * asking for it go to nodes that node feature discovery labels as SGX-capable.
 *
 * <pre>{@code
 * Resources.builder().from(Resources.of("1", "2", "2Gi", "4Gi"))
 *     .sgx(Sgx.builder().epc("64Mi").provision(true).build()).build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = Sgx.class)
@JsonDeserialize(as = Sgx.class)
abstract class AbstractSgx {
  public static final String EPC_RESOURCE = "sgx.intel.com/epc";
  public static final String ENCLAVE_RESOURCE = "sgx.intel.com/enclave";
  public static final String PROVISION_RESOURCE = "sgx.intel.com/provision";
  /** The node feature discovery label of SGX-capable nodes. */
  public static final String NODE_LABEL = "intel.feature.node.kubernetes.io/sgx";

  /** Enclave page cache memory, e.g. {@code 64Mi}. */
  public abstract String epc();

  /** The provisioning device too, for enclaves that produce attestation quotes. */
  @Value.Default
  public boolean provision() {
    return false;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("resources").in("sgx");
    if (v.require("epc", epc())) {
      v.quantity("epc", Optional.of(epc())).filter(q -> q.amount().signum() <= 0)
          .ifPresent(q -> v.add("epc", "give the enclave some memory, not " + epc()));
    }
    v.throwIfAny();
  }
}
