package io.chainwright.fabric;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/** How an org's Fabric CA and TLS CA servers run: one of each per org, with the same settings. */
@Value.Immutable
@JsonSerialize(as = Ca.class)
@JsonDeserialize(as = Ca.class)
abstract class AbstractCa {
  /** The port of the CA's REST API (enrol, register), served over TLS. */
  @Value.Default
  public int port() {
    return 7054;
  }

  /** The operations endpoint: health and Prometheus metrics. */
  @Value.Default
  public int operationsPort() {
    return 9443;
  }

  /** The size of each CA's data volume (its database of issued certificates). */
  @Value.Default
  public String storage() {
    return "1Gi";
  }

  /** The storage class of the data volumes; the platform default when absent. */
  public abstract Optional<String> storageClass();

  /** The default CA settings. */
  public static Ca defaults() {
    return Ca.builder().build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("ca");
    Ports.check(v, "port", port(), "operationsPort", operationsPort());
    if (v.require("storage", storage())) {
      v.quantity("storage", Optional.of(storage()));
    }
    storageClass().ifPresent(c -> v.subdomain("storageClass", c));
    v.throwIfAny();
  }
}
