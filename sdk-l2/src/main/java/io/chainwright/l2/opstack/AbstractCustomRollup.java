package io.chainwright.l2.opstack;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A chain no preset knows: its {@code rollup.json} for op-node and its L2 {@code genesis.json} for
 * op-geth, both produced when the chain was deployed. Neither holds secrets.
 */
@Value.Immutable
@JsonSerialize(as = CustomRollup.class)
@JsonDeserialize(as = CustomRollup.class)
abstract class AbstractCustomRollup {
  /** The rollup config op-node reads. */
  public abstract String rollupJson();

  /** The L2 genesis op-geth is initialised from. */
  public abstract String genesisJson();

  /** The sequencer replicas forward transactions to; absent on the sequencer itself. */
  public abstract Optional<String> sequencerUrl();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("customRollup");
    if (v.require("rollupJson", rollupJson()) && !rollupJson().strip().startsWith("{")) {
      v.add("rollupJson", "is not a JSON object");
    }
    if (v.require("genesisJson", genesisJson()) && !genesisJson().strip().startsWith("{")) {
      v.add("genesisJson", "is not a JSON object");
    }
    sequencerUrl().filter(u -> !u.startsWith("http://") && !u.startsWith("https://"))
        .ifPresent(u -> v.add("sequencerUrl", "'" + u + "' is not an http(s) URL"));
    v.throwIfAny();
  }
}
