package io.chainwright.compose.host;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last lines a process printed, kept for error messages. */
final class LogTail {
  private final int capacity;
  private final Deque<String> lines = new ArrayDeque<>();

  LogTail(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(String line) {
    if (lines.size() == capacity) {
      lines.removeFirst();
    }
    lines.addLast(line);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The lines, indented, ready to append to a message; a note when there are none. */
  String describe() {
    List<String> copy = lines();
    if (copy.isEmpty()) {
      return "\n    (no output)";
    }
    StringBuilder out = new StringBuilder();
    copy.forEach(l -> out.append("\n    | ").append(l));
    return out.toString();
  }
}
