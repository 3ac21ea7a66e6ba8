package io.chainwright.compose.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Stops a process and everything it started: TERM first, KILL for whatever is left after a grace period; or KILL at once. */
final class ProcessTrees {
  private ProcessTrees() {}

  static void stop(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = tree(root);
    tree.forEach(ProcessHandle::destroy);
    CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception stillRunning) {
      tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      try {
        CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        // Nothing more can be done from here; the caller reports what is still alive.
      }
    }
  }

  /** Kills the process and everything it started at once, as a crash would, and waits up to {@code wait} for them to end. */
  static void kill(ProcessHandle root, Duration wait) {
    List<ProcessHandle> tree = tree(root);
    tree.forEach(ProcessHandle::destroyForcibly);
    try {
      CompletableFuture.allOf(tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
          .get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // A KILL cannot be refused; a process still listed is a zombie its parent has yet to reap.
    }
  }

  /** The process first, then everything it started, taken before any of them is signalled. */
  private static List<ProcessHandle> tree(ProcessHandle root) {
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    tree.add(0, root);
    return tree;
  }
}
