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

/** op-proposer: proposes L2 output roots to L1 through the dispute game factory, signing with a key from a secret. */
@Value.Immutable
@JsonSerialize(as = OpProposer.class)
@JsonDeserialize(as = OpProposer.class)
abstract class AbstractOpProposer {
  /** The key of a secret holding the proposer's hex private key. */
  public abstract Optional<SecretKeyRef> privateKey();

  /** The L1 address of the chain's DisputeGameFactory. */
  public abstract String gameFactoryAddress();

  /** The dispute game type to create; 0 is the permissionless fault proof, 1 the permissioned one. */
  @Value.Default
  public int gameType() {
    return 0;
  }

  /** How often a proposal is made, as a Go duration. */
  @Value.Default
  public String proposalInterval() {
    return "1h";
  }

  @Value.Default
  public String pollInterval() {
    return "12s";
  }

  public abstract Optional<Image> image();

  public abstract List<String> extraArgs();

  public abstract List<EnvVar> extraEnv();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("proposer");
    if (privateKey().isEmpty()) {
      v.add("privateKey", "the proposer needs its key as a secret reference");
    }
    if (v.require("gameFactoryAddress", gameFactoryAddress()) && !gameFactoryAddress().matches("0x[0-9a-fA-F]{40}")) {
      v.add("gameFactoryAddress", "'" + gameFactoryAddress() + "' is not an address (0x and 40 hex digits)");
    }
    v.range("gameType", gameType(), 0, 255, "a game type");
    Durations.check(v, "proposalInterval", proposalInterval());
    Durations.check(v, "pollInterval", pollInterval());
    SignerKeys.check(v, "proposer", extraArgs(), extraEnv());
    v.throwIfAny();
  }
}
