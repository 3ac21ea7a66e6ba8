package io.chainwright.fabric;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * An application channel: its member peer orgs, how the orderers cut blocks, and the capability
 * levels it runs at. Every orderer of the network is a consenter of every channel.
 */
@Value.Immutable
@JsonSerialize(as = Channel.class)
@JsonDeserialize(as = Channel.class)
abstract class AbstractChannel {
  private static final Pattern GO_DURATION = Pattern.compile("([0-9]+(ms|s|m|h))+");
  private static final Pattern CAPABILITY = Pattern.compile("V[0-9]+(_[0-9]+)*");

  public abstract String name();

  /** Names of the peer orgs that are members of this channel. */
  public abstract List<String> members();

  /** The most transactions in one block. */
  @Value.Default
  public int maxMessageCount() {
    return 10;
  }

  /** The hard limit on a block's serialised transactions, in bytes. */
  @Value.Default
  public int absoluteMaxBytes() {
    return 99 * 1024 * 1024;
  }

  /** The size at which a block is cut early, in bytes. */
  @Value.Default
  public int preferredMaxBytes() {
    return 512 * 1024;
  }

  /** How long the orderers wait for more transactions before cutting a block, as a Go duration. */
  @Value.Default
  public String batchTimeout() {
    return "2s";
  }

  /** The channel group's capability level. */
  @Value.Default
  public String channelCapability() {
    return "V2_0";
  }

  /** The orderer group's capability level. */
  @Value.Default
  public String ordererCapability() {
    return "V2_0";
  }

  /** The application group's capability level; {@code V2_0} brings the chaincode lifecycle of Fabric 2. */
  @Value.Default
  public String applicationCapability() {
    return "V2_0";
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("channels", name());
    v.label("name", name());
    if (name() != null && !name().isEmpty() && !Character.isLetter(name().charAt(0))) {
      v.add("name", "'" + name() + "' must start with a letter, as Fabric's channel IDs do");
    }
    if (members().isEmpty()) {
      v.add("members", "a channel needs at least one member org");
    }
    v.unique("members", members(), m -> m);
    v.range("maxMessageCount", maxMessageCount(), 1, Integer.MAX_VALUE, "a transaction count");
    v.range("absoluteMaxBytes", absoluteMaxBytes(), 1, Integer.MAX_VALUE, "a size in bytes");
    v.range("preferredMaxBytes", preferredMaxBytes(), 1, absoluteMaxBytes(), "a size up to absoluteMaxBytes");
    if (v.require("batchTimeout", batchTimeout()) && !GO_DURATION.matcher(batchTimeout()).matches()) {
      v.add("batchTimeout", "'" + batchTimeout() + "' is not a duration such as 2s or 500ms");
    } else if (batchTimeout() != null && batchTimeout().chars().filter(Character::isDigit).allMatch(c -> c == '0')) {
      v.add("batchTimeout", "must be longer than zero, or the orderers refuse the channel");
    }
    capability(v, "channelCapability", channelCapability());
    capability(v, "ordererCapability", ordererCapability());
    capability(v, "applicationCapability", applicationCapability());
    v.throwIfAny();
  }

  private static void capability(Violations v, String field, String value) {
    if (v.require(field, value) && !CAPABILITY.matcher(value).matches()) {
      v.add(field, "'" + value + "' is not a capability level such as V2_0");
    }
  }
}
