package io.chainwright.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a render takes from its material store: Secret values, and the lines computed from keys. */
final class Generated {
  /**
   * Values computed from generated keys: a Besu genesis's validator addresses, the enode (public key)
   * of a bootnode, a chaincode package id, which hashes the TLS root certificate it trusts, and the
   * digest of a pod's config files, which differ only where such lines do.
   */
  static final Pattern DERIVED = Pattern.compile(
      "\"extraData\" : \"0x[0-9a-f]+\"|--bootnodes=enode://[0-9a-f]{128}@|\\b[\\w.-]+_[\\w.]+:[0-9a-f]{64}\\b"
          + "|chainwright\\.io/config-digest: [0-9a-f]{64}$");

  private Generated() {}

  /**
   * {@code yaml} with every Secret value written as {@code <generated>} and every derived value as
   * {@code <derived>}, so that renders from different stores compare equal.
   */
  static String masked(String yaml) {
    List<String> out = new ArrayList<>();
    for (String document : yaml.split("(?m)^---\n", -1)) {
      boolean secret = document.contains("\nkind: Secret\n") || document.startsWith("kind: Secret\n");
      int valuesIndent = -1;
      for (String line : document.split("\n", -1)) {
        int indent = line.length() - line.stripLeading().length();
        if (valuesIndent >= 0 && indent > valuesIndent && !line.isBlank()) {
          int colon = line.indexOf(": ");
          if (indent == valuesIndent + 2 && colon > 0) {
            out.add(line.substring(0, colon) + ": <generated>");
          }
          continue; // the rest of a value written over several lines
        }
        valuesIndent = secret && (line.strip().equals("data:") || line.strip().equals("stringData:")) ? indent : -1;
        out.add(DERIVED.matcher(line).replaceAll("<derived>"));
      }
      out.add("---");
    }
    out.remove(out.size() - 1);
    return String.join("\n", out);
  }
}
