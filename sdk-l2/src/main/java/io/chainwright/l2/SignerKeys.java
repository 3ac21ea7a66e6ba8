package io.chainwright.l2;

import io.chainwright.api.EnvVar;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.Locale;

/** Catches signing keys slipped in as plain arguments or literal environment, where logs and manifests would show them. */
public final class SignerKeys {
  private static final List<String> KEY_FLAGS = List.of("--private-key", "--mnemonic", "--p2p.sequencer.key");
  private static final List<String> KEY_WORDS = List.of("PRIVATE_KEY", "PRIVATEKEY", "MNEMONIC", "SEQUENCER_KEY");

  private SignerKeys() {}

  public static void check(Violations v, String role, List<String> extraArgs, List<EnvVar> extraEnv) {
    for (String arg : extraArgs) {
      if (arg != null && KEY_FLAGS.stream().anyMatch(f -> arg.equals(f) || arg.startsWith(f + "="))) {
        v.add("extraArgs", "a " + role + " key not from a Secret: remove '" + arg.split("=", 2)[0]
            + "' and give the key as a secret reference");
      }
    }
    for (EnvVar e : extraEnv) {
      String name = e.name() == null ? "" : e.name().toUpperCase(Locale.ROOT);
      if (e.value().isPresent() && KEY_WORDS.stream().anyMatch(name::contains)) {
        v.in("extraEnv", e.name()).add("a " + role + " key not from a Secret: use EnvVar.fromSecret(..)");
      }
    }
  }
}
