package io.chainwright.api;

import java.util.List;
import java.util.stream.Collectors;

/** A model is not valid; the exception lists every violation found, each with its path. */
public class ValidationException extends ChainwrightException {
  private final List<Violation> violations;

  public ValidationException(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /** Every problem found, in the order they were found. */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    String noun = violations.size() == 1 ? "problem" : "problems";
    return violations.stream()
        .map(v -> "  - " + v)
        .collect(Collectors.joining("\n", "Invalid model, " + violations.size() + " " + noun + ":\n", ""));
  }
}
