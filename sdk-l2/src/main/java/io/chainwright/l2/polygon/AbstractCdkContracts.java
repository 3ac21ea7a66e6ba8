package io.chainwright.l2.polygon;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import org.immutables.value.Value;

/** The L1 and L2 contract addresses of a Polygon CDK chain that the bridge service watches, from the chain's deployment. */
@Value.Immutable
@JsonSerialize(as = CdkContracts.class)
@JsonDeserialize(as = CdkContracts.class)
abstract class AbstractCdkContracts {
  /** The bridge contract on L1. */
  public abstract String l1Bridge();

  /** The global exit root manager on L1. */
  public abstract String l1GlobalExitRoot();

  /** The bridge contract on L2. */
  public abstract String l2Bridge();

  /** The L1 block the contracts were deployed in, where the bridge starts syncing. */
  public abstract long deploymentBlock();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("contracts");
    address(v, "l1Bridge", l1Bridge());
    address(v, "l1GlobalExitRoot", l1GlobalExitRoot());
    address(v, "l2Bridge", l2Bridge());
    if (deploymentBlock() < 0) {
      v.add("deploymentBlock", deploymentBlock() + " is not a block number");
    }
    v.throwIfAny();
  }

  private static void address(Violations v, String field, String value) {
    if (v.require(field, value) && !value.matches("0x[0-9a-fA-F]{40}")) {
      v.add(field, "'" + value + "' is not an address (0x and 40 hex digits)");
    }
  }
}
