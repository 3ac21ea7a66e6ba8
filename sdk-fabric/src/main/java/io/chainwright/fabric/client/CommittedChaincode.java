package io.chainwright.fabric.client;

import java.util.Map;

/** A chaincode definition committed on a channel, with which orgs approved it. */
public record CommittedChaincode(String name, String version, long sequence, Map<String, Boolean> approvals) {
  public CommittedChaincode {
    approvals = Map.copyOf(approvals);
  }
}
