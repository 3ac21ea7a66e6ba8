package io.chainwright.l2.opstack;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.Violations;
import io.chainwright.l2.Durations;
import io.chainwright.l2.SignerKeys;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** op-batcher: posts the sequencer's L2 blocks to L1 as blobs or calldata, signing with a key from a secret. */
@Value.Immutable
@JsonSerialize(as = OpBatcher.class)
@JsonDeserialize(as = OpBatcher.class)
abstract class AbstractOpBatcher {
  AbstractOpBatcher() {}

  /** The key of a secret holding the batcher's hex private key. */
  public abstract Optional<SecretKeyRef> privateKey();

  @Value.Default
  public DataAvailability dataAvailability() {
    return DataAvailability.BLOBS;
  }

  /** The longest a channel stays open, in L1 blocks; standard chains post at least every few hours. */
  @Value.Default
  public int maxChannelDuration() {
    return 1500;
  }

  /** L1 blocks kept in hand before the sequencing window closes. */
  @Value.Default
  public int subSafetyMargin() {
    return 10;
  }

  /** L1 confirmations before a batch counts as posted. */
  @Value.Default
  public int numConfirmations() {
    return 10;
  }

  /** How often the batcher looks for new L2 blocks, as a Go duration such as {@code 1s}. */
  @Value.Default
  public String pollInterval() {
    return "1s";
  }

  public abstract Optional<Image> image();

  public abstract List<String> extraArgs();

  public abstract List<EnvVar> extraEnv();

  /** A batcher signing with {@code key} of secret {@code secret}. */
  public static OpBatcher withKey(String secret, String key) {
    return OpBatcher.builder().privateKey(SecretKeyRef.of(secret, key)).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("batcher");
    if (privateKey().isEmpty()) {
      v.add("privateKey", "the batcher needs its key as a secret reference (OpBatcher.withKey(secret, key))");
    }
    v.require("dataAvailability", dataAvailability());
    v.range("maxChannelDuration", maxChannelDuration(), 1, 100_000, "a number of L1 blocks");
    v.range("subSafetyMargin", subSafetyMargin(), 1, 10_000, "a number of L1 blocks");
    v.range("numConfirmations", numConfirmations(), 1, 1_000, "a number of confirmations");
    Durations.check(v, "pollInterval", pollInterval());
    SignerKeys.check(v, "batcher", extraArgs(), extraEnv());
    v.throwIfAny();
  }
}
