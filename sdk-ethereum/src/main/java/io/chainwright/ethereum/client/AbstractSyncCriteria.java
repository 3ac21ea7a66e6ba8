package io.chainwright.ethereum.client;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/** When an execution node counts as synced: not syncing, a recent head block, and enough peers. */
@Value.Immutable
@JsonSerialize(as = SyncCriteria.class)
@JsonDeserialize(as = SyncCriteria.class)
abstract class AbstractSyncCriteria {
  /** The head block may be at most this old; absent means any age (an idle devnet mines no blocks). */
  public abstract Optional<Duration> maxHeadAge();

  /** The fewest peers a synced node must have; 0 for a devnet, which has none. */
  @Value.Default
  public int minPeers() {
    return 0;
  }

  /** Not syncing and a head block at most two minutes old (ten mainnet slots); no peer minimum. */
  public static SyncCriteria defaults() {
    return SyncCriteria.builder().maxHeadAge(Duration.ofMinutes(2)).build();
  }

  /** Not syncing, any head age, no peers: for devnets that mine only on demand. */
  public static SyncCriteria devnet() {
    return SyncCriteria.builder().build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    maxHeadAge().filter(d -> d.isNegative() || d.isZero()).ifPresent(d -> v.add("maxHeadAge", d + " is not a positive duration"));
    v.range("minPeers", minPeers(), 0, 10_000, "a peer count");
    v.throwIfAny();
  }
}
