package io.chainwright.compose.host;

import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.UsageException;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Backoff;
import io.chainwright.api.await.Deadline;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.compose.ComposeService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The services a host deployment has started, by name in start order; a service started again replaces its earlier run. */
final class RunningServices {
  /**
   * Local processes answer within milliseconds and every pause adds to a devnet's start: look
   * often in the first seconds, then calmly for slow starters such as syncing nodes.
   */
  private static final Backoff PROCESS_BACKOFF = Backoff.exponential(Duration.ofMillis(2), Duration.ofMillis(200))
      .withEarlyCeiling(Duration.ofMillis(20), Duration.ofSeconds(5));

  private final Map<String, HostService> byName = new LinkedHashMap<>();

  synchronized void put(HostService service) {
    byName.put(service.service().name(), service);
  }

  /** The latest run of {@code service}, alive or not. */
  synchronized Optional<HostService> get(String service) {
    return Optional.ofNullable(byName.get(service));
  }

  synchronized List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** Every service's latest run, in start order. */
  synchronized List<HostService> all() {
    return List.copyOf(byName.values());
  }

  /** The latest runs of {@code services}, the last started first, as they should stop. */
  List<HostService> lastFirst(Collection<String> services) {
    List<HostService> runs = new ArrayList<>(all().stream().filter(s -> services.contains(s.service().name())).toList());
    Collections.reverse(runs);
    return runs;
  }

  /**
   * Waits until {@code serviceName} meets a Compose {@code depends_on} condition; a timeout quotes
   * the service's last output.
   */
  void await(String serviceName, String condition, Deadline deadline, ProgressListener listener) {
    HostService s = get(serviceName)
        .orElseThrow(() -> new UsageException("Service " + serviceName + " was not started (cron jobs never are)"));
    String subject = "service " + serviceName + (condition.equals(ComposeService.COMPLETED) ? " completed" : " ready");
    try {
      Await.of(subject).deadline(deadline).backoff(PROCESS_BACKOFF).listener(listener).until(() -> s.observe(condition));
    } catch (AwaitTimeoutException e) {
      throw new AwaitTimeoutException(e.awaited(), e.lastState() + "; last output:" + s.recentOutput(), e.timeout());
    }
  }
}
