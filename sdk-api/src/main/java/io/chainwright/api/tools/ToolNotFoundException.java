package io.chainwright.api.tools;

import io.chainwright.api.UsageException;
import java.nio.file.Path;
import java.util.List;

/** A program was looked for in every place a user would put it and not found; the message lists them and how to install it. */
public final class ToolNotFoundException extends UsageException {
  private final String program;
  private final List<Path> looked;

  ToolNotFoundException(String program, List<Path> looked, String advice) {
    super((looked.isEmpty() ? program + " not found: PATH is empty and no tools folder is named"
        : program + " not found; looked in:\n  " + String.join("\n  ", looked.stream().map(Path::toString).toList())) + "\n" + advice);
    this.program = program;
    this.looked = List.copyOf(looked);
  }

  public String program() {
    return program;
  }

  /** Every path that was checked, in order. */
  public List<Path> looked() {
    return looked;
  }
}
