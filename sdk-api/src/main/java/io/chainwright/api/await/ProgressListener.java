package io.chainwright.api.await;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Receives observations during long waits: one call per change of what is observed, and one when the wait ends. */
@FunctionalInterface
public interface ProgressListener {
  void onProgress(Progress progress);

  /** Logs each observation at INFO, on logger {@code io.chainwright.progress}. */
  static ProgressListener logging() {
    Logger log = LoggerFactory.getLogger("io.chainwright.progress");
    return p -> log.info("{}", p);
  }

  /** Ignores observations. */
  static ProgressListener none() {
    return p -> { };
  }
}
