package io.chainwright.fabric;

import io.chainwright.api.Violations;
import java.util.regex.Pattern;

/** The checks every organisation shares: its name, MSP ID and domain. */
final class OrgNames {
  /** What the policy DSL accepts before the role: {@code 'Org1MSP.peer'}. */
  private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9.-]+");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private OrgNames() {}

  static void check(Violations v, String name, String mspId, String domain) {
    v.label("name", name);
    if (v.require("mspId", mspId) && !MSP_ID.matcher(mspId).matches()) {
      v.add("mspId", "'" + mspId + "' may hold only letters, digits, '.' and '-', so that policies can name it");
    }
    v.subdomain("domain", domain);
  }

  /** Checks a user name, which becomes {@code <user>@<domain>} in certificates and folder names. */
  static void user(Violations v, String user) {
    if (user == null || !USER.matcher(user).matches()) {
      v.in("users", user).add("'" + user + "' is not a user name (letters, digits, '_' and '-')");
    } else if (user.equals(AbstractPeerOrg.ADMIN)) {
      v.in("users", user).add("'" + AbstractPeerOrg.ADMIN + "' is always generated; do not list it");
    }
  }
}
