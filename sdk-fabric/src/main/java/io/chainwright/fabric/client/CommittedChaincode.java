package io.chainwright.fabric.client;

import java.util.Map;
import java.util.Objects;
import org.hyperledger.fabric.protos.peer.ApplicationPolicy;

/**
 * A chaincode definition committed on a channel: its endorsement policy (a channel policy reference
 * or a signature policy), whether it needs an {@code Init} call, and which orgs approved it (only
 * when read one by one).
 */
public record CommittedChaincode(String name, String version, long sequence, ApplicationPolicy endorsementPolicy, boolean initRequired,
    Map<String, Boolean> approvals) {
  public CommittedChaincode {
    Objects.requireNonNull(endorsementPolicy, "endorsementPolicy");
    approvals = Map.copyOf(approvals);
  }
}
