package io.chainwright.api.backend;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Receives observations during long waits. */
@FunctionalInterface
public interface ProgressListener {
  void onProgress(Progress progress);

  /** Logs each observation at INFO. */
  static ProgressListener logging() {
    Logger log = LoggerFactory.getLogger("io.chainwright.progress");
    return p -> log.info("{}", p);
  }

  /** Ignores observations. */
  static ProgressListener none() {
    return p -> { };
  }
}
