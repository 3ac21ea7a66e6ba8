package io.chainwright.ethereum.common;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Resources;
import io.chainwright.api.Violations;
import io.chainwright.api.volume.Volume;
import org.immutables.value.Value;

/**
 * A private network's genesis: its network id and a volume holding the genesis files, mounted
 * read-only at {@value #PATH} in both clients.
 *
 * <p>The volume holds {@code genesis.json} (execution genesis; Nethermind reads {@code chainspec.json}
 * instead), {@code config.yaml} and {@code genesis.ssz} (consensus configuration and genesis state).
 */
@Value.Immutable
@JsonSerialize(as = CustomGenesis.class)
@JsonDeserialize(as = CustomGenesis.class)
abstract class AbstractCustomGenesis {
  /** Where the genesis volume is mounted. */
  public static final String PATH = "/genesis";

  /** The path of the genesis volume's file {@code name}, e.g. {@code /genesis/genesis.json}. */
  public static String file(String name) {
    return PATH + "/" + name;
  }

  /** What a client's {@code init} step takes to write a genesis into its data dir, large allocations included. */
  public static Resources initResources() {
    return Resources.of("250m", "1", "512Mi", "2Gi");
  }

  public abstract long networkId();

  /** A volume the caller prepares with the genesis files; its name is used as given. */
  public abstract Volume volume();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("customGenesis");
    if (networkId() <= 0) {
      v.add("networkId", networkId() + " is not a network id (a positive number)");
    }
    v.require("volume", volume());
    v.throwIfAny();
  }
}
