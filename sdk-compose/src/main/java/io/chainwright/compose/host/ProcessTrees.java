package io.chainwright.compose.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Stops a process and everything it started: TERM first, KILL for whatever is left after a grace period. */
final class ProcessTrees {
  private ProcessTrees() {}

  static void stop(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    tree.add(0, root);
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
}
