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
abstract class AbstractOrdererOrg {
  /** Short name, used in workload names. */
  public abstract String name();

  /** The MSP ID that policies and certificates name, e.g. {@code OrdererMSP}. */
  public abstract String mspId();

  /** The DNS domain under which the orderers' host names live, e.g. {@code example.com}. */
  public abstract String domain();

  public abstract List<Orderer> orderers();

  /** How the org's CA and TLS CA run. */
  @Value.Default
  public Ca ca() {
    return Ca.defaults();
  }

  /** The host name of one of this org's nodes: {@code <node>.<domain>}. */
  public String host(String node) {
    return node + "." + domain();
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
