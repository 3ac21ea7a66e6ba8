package io.chainwright.fabric.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parsed signature policy: a signature by one MSP role, or at least {@code n} of several rules.
 * {@code AND} and {@code OR} are {@code OutOf} with all or one.
 */
public sealed interface SignatureRule {
  /** Every MSP ID this rule names, in order of first appearance. */
  default Set<String> mspIds() {
    Set<String> ids = new LinkedHashSet<>();
    collect(ids);
    return ids;
  }

  /** Adds the MSP IDs this rule names to {@code ids}. */
  void collect(Set<String> ids);

  /** A signature by an identity of {@code mspId} in {@code role}. */
  record SignedBy(String mspId, MspRole role) implements SignatureRule {
    @Override
    public void collect(Set<String> ids) {
      ids.add(mspId);
    }

    @Override
    public String toString() {
      return "'" + mspId + "." + role.dslName() + "'";
    }
  }

  /** At least {@code n} of {@code rules} are satisfied. */
  record OutOf(int n, List<SignatureRule> rules) implements SignatureRule {
    public OutOf {
      rules = List.copyOf(rules);
    }

    @Override
    public void collect(Set<String> ids) {
      rules.forEach(r -> r.collect(ids));
    }

    @Override
    public String toString() {
      return "OutOf(" + n + ", " + rules.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
    }
  }
}
