package io.chainwright.l2.opstack;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.Violations;
import org.immutables.value.Value;

/** Sequencer mode for op-node: it builds blocks and signs the ones it gossips with a key from a secret. */
@Value.Immutable
@JsonSerialize(as = OpSequencer.class)
@JsonDeserialize(as = OpSequencer.class)
abstract class AbstractOpSequencer {
  /** The key of a secret holding the hex key that signs gossiped blocks. */
  @Value.Parameter
  public abstract SecretKeyRef p2pKey();

  /** L1 confirmations before an L1 block becomes a sequencing origin. */
  @Value.Default
  public int l1Confirmations() {
    return 4;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("sequencer");
    v.require("p2pKey", p2pKey());
    v.range("l1Confirmations", l1Confirmations(), 0, 1_000, "a number of confirmations");
    v.throwIfAny();
  }
}
