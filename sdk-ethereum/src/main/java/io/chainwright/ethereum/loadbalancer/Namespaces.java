package io.chainwright.ethereum.loadbalancer;

import io.chainwright.api.Violations;
import java.util.List;

/** JSON-RPC method namespaces as the balancer's settings name them, e.g. {@code debug} for {@code debug_traceTransaction}. */
final class Namespaces {
  private Namespaces() {}

  /** Namespaces become part of a regular expression in nginx.conf: letters and digits only, each once. */
  static void check(Violations v, String field, List<String> namespaces) {
    for (String ns : namespaces) {
      if (ns == null || !ns.matches("[a-z][a-z0-9]*")) {
        v.add(field, "'" + ns + "' is not a method namespace such as debug (lower-case letters and digits)");
      }
    }
    v.unique(field, namespaces, String::valueOf);
  }
}
