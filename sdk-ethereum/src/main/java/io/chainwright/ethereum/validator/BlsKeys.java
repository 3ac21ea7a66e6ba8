package io.chainwright.ethereum.validator;

import io.chainwright.api.Violations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks for the values validators are configured with: BLS public keys, fee recipients and graffiti. */
final class BlsKeys {
  private static final Pattern PUBLIC_KEY = Pattern.compile("0x[0-9a-f]{96}");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  /** Graffiti fills one 32-byte field of a block. */
  private static final int GRAFFITI_BYTES = 32;

  private BlsKeys() {}

  static void check(Violations v, String field, List<String> keys) {
    if (keys.isEmpty()) {
      v.add(field, "name at least one validator public key");
    }
    for (String key : keys) {
      if (key == null || !PUBLIC_KEY.matcher(key).matches()) {
        v.add(field, "'" + key + "' is not a BLS public key (0x and 96 lower-case hex digits)");
      }
    }
    v.unique(field, keys, k -> k);
  }

  static void address(Violations v, String field, String address) {
    if (v.require(field, address) && !ADDRESS.matcher(address).matches()) {
      v.add(field, "'" + address + "' is not an address (0x and 40 hex digits)");
    }
  }

  static void graffiti(Violations v, String field, Optional<String> graffiti) {
    graffiti.filter(g -> g.getBytes(StandardCharsets.UTF_8).length > GRAFFITI_BYTES)
        .ifPresent(g -> v.add(field, "is longer than " + GRAFFITI_BYTES + " bytes"));
    graffiti.filter(g -> g.chars().anyMatch(Character::isISOControl))
        .ifPresent(g -> v.add(field, "contains a control character"));
  }
}
