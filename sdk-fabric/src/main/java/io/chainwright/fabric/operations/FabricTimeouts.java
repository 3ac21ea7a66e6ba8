package io.chainwright.fabric.operations;

import io.chainwright.api.Violations;
import java.time.Duration;

/**
 * How long each step of operating a Fabric network may take: bringing nodes up, creating a channel
 * (every orderer and peer joining), deploying a chaincode (install, approvals, commit), and any one
 * client call such as a transaction. A slow package install need not stretch every transaction's
 * deadline.
 *
 * <pre>{@code
 * FabricTimeouts.of(Duration.ofSeconds(30)).withDeploy(Duration.ofMinutes(2))
 * }</pre>
 */
public record FabricTimeouts(Duration start, Duration channel, Duration deploy, Duration call) {
  public FabricTimeouts {
    Violations violations = Violations.root();
    check(violations, "start", start);
    check(violations, "channel", channel);
    check(violations, "deploy", deploy);
    check(violations, "call", call);
    violations.throwIfAny();
  }

  /** The same timeout for every step. */
  public static FabricTimeouts of(Duration every) {
    return new FabricTimeouts(every, every, every, every);
  }

  public FabricTimeouts withStart(Duration start) {
    return new FabricTimeouts(start, channel, deploy, call);
  }

  public FabricTimeouts withChannel(Duration channel) {
    return new FabricTimeouts(start, channel, deploy, call);
  }

  public FabricTimeouts withDeploy(Duration deploy) {
    return new FabricTimeouts(start, channel, deploy, call);
  }

  public FabricTimeouts withCall(Duration call) {
    return new FabricTimeouts(start, channel, deploy, call);
  }

  private static void check(Violations violations, String path, Duration timeout) {
    if (timeout == null) {
      violations.add(path, "is required");
    } else if (timeout.isNegative() || timeout.isZero()) {
      violations.add(path, "must be positive, was " + timeout);
    }
  }
}
