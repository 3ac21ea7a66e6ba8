package io.chainwright.kubernetes.cluster;

import io.chainwright.api.ChainwrightException;
import io.chainwright.api.PlatformException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one task per item on virtual threads and waits for all of them, so a failure never leaves
 * the others half-done and unreported: the first failure is thrown with the rest suppressed on it.
 */
final class Parallel {
  private Parallel() {}

  /** The results in the items' order. */
  static <T, R> List<R> each(List<T> items, String verb, Function<T, R> task) {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> task.apply(item)));
      }
      List<R> results = new ArrayList<>();
      ChainwrightException failure = null;
      for (Future<R> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          ChainwrightException cause = e.getCause() instanceof ChainwrightException c
              ? c : new PlatformException(verb, "objects of the network", String.valueOf(e.getCause()), e.getCause());
          if (failure == null) {
            failure = cause;
          } else {
            failure.addSuppressed(cause);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new PlatformException(verb, "objects of the network", "interrupted", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return results;
    }
  }
}
