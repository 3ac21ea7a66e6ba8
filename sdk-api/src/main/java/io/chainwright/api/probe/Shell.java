package io.chainwright.api.probe;

/** How the backends write a check as a POSIX shell command, where the platform runs it in the container's shell. */
public final class Shell {
  private Shell() {}

  /** {@code text} as one shell word, whatever it holds: quotes, spaces, {@code &}, {@code $}. */
  public static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
