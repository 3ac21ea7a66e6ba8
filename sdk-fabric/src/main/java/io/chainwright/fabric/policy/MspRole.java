package io.chainwright.fabric.policy;

import java.util.Locale;

/**
 * The roles a signature policy can require of an MSP's identity, as NodeOUs classify them; in the
 * order of Fabric's {@code MSPRole.MSPRoleType} numbers.
 */
public enum MspRole {
  MEMBER,
  ADMIN,
  CLIENT,
  PEER,
  ORDERER;

  /** The role as the policy DSL spells it: {@code member}, {@code peer}, ... */
  public String dslName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
