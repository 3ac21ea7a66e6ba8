package io.chainwright.ethereum.client;

/**
 * A beacon node's answer to {@code /eth/v1/node/syncing}.
 *
 * @param headSlot the slot of the node's head
 * @param syncDistance how many slots the head is behind the wall clock
 * @param syncing whether the node is syncing
 * @param optimistic whether the head is not yet verified by the execution client
 * @param executionOffline whether the node cannot reach its execution client
 */
public record BeaconSyncStatus(long headSlot, long syncDistance, boolean syncing, boolean optimistic, boolean executionOffline) {
  @Override
  public String toString() {
    return (syncing ? "syncing" : "synced") + ", head slot " + headSlot + ", " + syncDistance + " slots behind"
        + (optimistic ? ", optimistic" : "") + (executionOffline ? ", execution client offline" : "");
  }
}
