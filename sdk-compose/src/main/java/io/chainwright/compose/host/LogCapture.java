package io.chainwright.compose.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process's output, copied as it comes to a log file, to SLF4J at DEBUG (a node's banner is not
 * news) and to a tail kept for error messages.
 */
final class LogCapture {
  private final LogTail tail = new LogTail(40);
  private final Thread pump;

  private LogCapture(String service, InputStream output, Path logFile) {
    Logger log = LoggerFactory.getLogger("io.chainwright.host." + service);
    this.pump = Thread.ofVirtual().name("log-" + service).start(() -> pump(output, logFile, log));
  }

  /** Starts copying {@code output} of {@code service} to {@code logFile}. */
  static LogCapture start(String service, InputStream output, Path logFile) {
    return new LogCapture(service, output, logFile);
  }

  /** The last lines, for error messages. */
  String recent() {
    return tail.describe();
  }

  /** Waits up to {@code grace} for the output to end, once the process has stopped. */
  void awaitEnd(Duration grace) {
    try {
      pump.join(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pump(InputStream output, Path logFile, Logger log) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
        // Appended: a service started again keeps what it printed before in the same file.
        Writer file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      String line;
      while ((line = in.readLine()) != null) {
        tail.add(line);
        file.write(line);
        file.write('\n');
        file.flush();
        log.debug("{}", line);
      }
    } catch (IOException e) {
      tail.add("(log reader stopped: " + e.getMessage() + ")");
    }
  }
}
