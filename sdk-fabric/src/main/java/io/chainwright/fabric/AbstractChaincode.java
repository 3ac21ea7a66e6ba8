package io.chainwright.fabric;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Image;
import io.chainwright.api.Violations;
import io.chainwright.fabric.policy.PolicyDsl;
import io.chainwright.fabric.policy.PolicySyntaxException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A chaincode run as a service (CCaaS) and defined on one channel through the Fabric 2 lifecycle:
 * its name, version, sequence and endorsement policy.
 */
@Value.Immutable
@JsonSerialize(as = Chaincode.class)
@JsonDeserialize(as = Chaincode.class)
abstract class AbstractChaincode {
  public abstract String name();

  /** The version label of the definition. */
  @Value.Default
  public String version() {
    return "1.0";
  }

  /** The definition's sequence: 1 for the first definition, one more for each upgrade. */
  @Value.Default
  public long sequence() {
    return 1;
  }

  /** The channel the chaincode is defined on. */
  public abstract String channel();

  /**
   * A signature policy in Fabric's DSL, e.g. {@code OR('Org1MSP.peer', 'Org2MSP.peer')}; when
   * absent, the channel's {@code /Channel/Application/Endorsement} policy (a majority of orgs).
   */
  public abstract Optional<String> endorsementPolicy();

  /** The image of the chaincode server. */
  public abstract Optional<Image> image();

  /** The port the chaincode server listens on for peers. */
  @Value.Default
  public int port() {
    return 9999;
  }

  /** Whether the first transaction must call {@code Init}. */
  @Value.Default
  public boolean initRequired() {
    return false;
  }

  /** The workload that serves this chaincode for the peers of {@code org}: {@code <org>-cc-<chaincode>}. */
  public String workload(FabricOrg org) {
    return org.name() + "-cc-" + name();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("chaincodes", name());
    v.label("name", name());
    v.require("version", version());
    v.range("sequence", sequence(), 1, Long.MAX_VALUE, "a sequence number");
    v.require("channel", channel());
    v.range("port", port(), 1, 65535, "a port");
    endorsementPolicy().ifPresent(p -> {
      try {
        PolicyDsl.parse(p);
      } catch (PolicySyntaxException e) {
        v.add("endorsementPolicy", e.getMessage());
      }
    });
    v.throwIfAny();
  }
}
