package io.chainwright.compose.spec;

/**
 * Compose reads {@code $VARIABLE} and {@code ${VARIABLE}} in a file's values as the caller's
 * variables, and {@code $$} as one {@code $}. A value the model means literally (an argument, a
 * literal environment value) is written with each {@code $} doubled, so that {@code $HOME} in an
 * argument reaches the program as {@code $HOME}, as it does on Kubernetes; the runtimes that read
 * a file themselves undo it the way Compose does.
 */
public final class Interpolation {
  private Interpolation() {}

  /** {@code text} as a Compose value that Compose reads back as {@code text}. */
  public static String literal(String text) {
    return text.replace("$", "$$");
  }

  /** What Compose makes of a value that holds no variable: each {@code $$} is one {@code $}. */
  public static String unescape(String value) {
    return value.replace("$$", "$");
  }
}
