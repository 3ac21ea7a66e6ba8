package io.chainwright.ethereum;

import io.chainwright.api.ValidationException;

/** Runs a build that must be refused, and hands back the refusal. */
public final class Validation {
  private Validation() {}

  public static ValidationException refused(Runnable build) {
    try {
      build.run();
    } catch (ValidationException e) {
      return e;
    }
    throw new AssertionError("expected a ValidationException");
  }
}
