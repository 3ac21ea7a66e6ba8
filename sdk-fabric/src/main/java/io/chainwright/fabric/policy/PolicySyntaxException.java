package io.chainwright.fabric.policy;

import io.chainwright.api.ChainwrightException;

/** A signature policy that is not valid Fabric policy DSL; the message shows where parsing stopped. */
public class PolicySyntaxException extends ChainwrightException {
  private final int position;

  PolicySyntaxException(String policy, int position, String problem) {
    super(problem + " at position " + (position + 1) + " of \"" + policy + "\"");
    this.position = position;
  }

  /** The 0-based offset in the policy text where the problem was found. */
  public int position() {
    return position;
  }
}
