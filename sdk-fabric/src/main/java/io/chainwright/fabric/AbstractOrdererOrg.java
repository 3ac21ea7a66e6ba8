package io.chainwright.fabric;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.List;
import org.immutables.value.Value;

/** An organisation that runs Raft orderers, with its own MSP, CA and TLS CA. */
@Value.Immutable
@JsonSerialize(as = OrdererOrg.class)
@JsonDeserialize(as = OrdererOrg.class)
abstract class AbstractOrdererOrg implements FabricOrg {
  /** Short name, used in workload names. */
  @Override
  public abstract String name();

  /** The MSP ID that policies and certificates name, e.g. {@code OrdererMSP}. */
  @Override
  public abstract String mspId();

  /** The DNS domain under which the orderers' host names live, e.g. {@code example.com}. */
  @Override
  public abstract String domain();

  public abstract List<Orderer> orderers();

  /** How the org's CA and TLS CA run. */
  @Override
  @Value.Default
  public Ca ca() {
    return Ca.defaults();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("ordererOrgs", name());
    OrgNames.check(v, name(), mspId(), domain());
    if (orderers().isEmpty()) {
      v.add("orderers", "an orderer org needs at least one orderer");
    }
    v.unique("orderers", orderers(), Orderer::name);
    v.throwIfAny();
  }
}
