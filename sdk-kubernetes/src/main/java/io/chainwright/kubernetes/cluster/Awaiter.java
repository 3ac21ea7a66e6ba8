package io.chainwright.kubernetes.cluster;

import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.PlatformException;
import io.chainwright.api.await.Progress;
import io.chainwright.api.await.ProgressListener;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits, in parallel, until objects are ready. Each wait watches its object through an informer
 * (which re-lists and resumes when its watch is closed) rather than polling, renewed every
 * {@link #WATCH_SLICE} in case a watch dies unnoticed, and reports every new observation to the
 * listener and the log.
 */
final class Awaiter {
  private static final Logger LOG = LoggerFactory.getLogger("io.chainwright.progress");
  private static final int RECENT_EVENTS = 5;
  /** How long one informer watches before a fresh one takes over. */
  static final Duration WATCH_SLICE = Duration.ofSeconds(10);

  private final Cluster cluster;

  Awaiter(Cluster cluster) {
    this.cluster = cluster;
  }

  /**
   * Returns when every object is ready.
   *
   * @throws AwaitTimeoutException for the first object still not ready at the deadline, naming its last state and recent events
   * @throws PlatformException when an object can never become ready, such as a failed job
   */
  void await(List<HasMetadata> objects, Duration timeout, ProgressListener listener) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    Parallel.each(objects, "wait for readiness", o -> {
      awaitOne(o, deadline, start, timeout, listener);
      return o;
    });
  }

  private void awaitOne(HasMetadata o, long deadline, long start, Duration timeout, ProgressListener listener) {
    Failures.Target target = Failures.Target.of(o);
    String subject = target.describe();
    AtomicReference<Readiness.Observation> last = new AtomicReference<>(Readiness.Observation.waiting("not observed yet"));
    try {
      // One informer per slice: should its watch die without resuming (a proxy or the client dropping
      // it silently), the next slice lists and watches afresh instead of waiting out the deadline.
      while (true) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0) {
          throw new AwaitTimeoutException(subject + " ready", last.get().state() + recentEvents(o), timeout);
        }
        try {
          cluster.handle(o).waitUntilCondition(live -> {
            Readiness.Observation seen = Readiness.observe(live);
            Readiness.Observation before = last.getAndSet(seen);
            if (!seen.equals(before)) {
              Progress p = new Progress(subject, seen.state(), seen.ready(), Duration.ofNanos(System.nanoTime() - start));
              LOG.debug("{}", p);
              synchronized (listener) {
                listener.onProgress(p);
              }
            }
            return seen.ready() || seen.failed();
          }, Math.min(remaining, WATCH_SLICE.toMillis()), TimeUnit.MILLISECONDS);
          break;
        } catch (KubernetesClientTimeoutException sliceOver) {
          // not ready within this slice; the loop checks the deadline
        }
      }
    } catch (KubernetesClientException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw Failures.describe("await", target, e, 1);
    }
    if (last.get().failed()) {
      throw new PlatformException("await", subject, last.get().state() + recentEvents(o));
    }
  }

  /** The object's latest events, which usually say why it is stuck (no node fits, image not found). */
  private String recentEvents(HasMetadata o) {
    try {
      List<Event> events = cluster.client().v1().events().inNamespace(o.getMetadata().getNamespace()).list().getItems().stream()
          .filter(e -> e.getInvolvedObject() != null && o.getMetadata().getName().equals(e.getInvolvedObject().getName())
              && o.getKind().equals(e.getInvolvedObject().getKind()))
          .sorted(Comparator.comparing(Awaiter::when))
          .toList();
      if (events.isEmpty()) {
        return "; no recent events";
      }
      return events.subList(Math.max(0, events.size() - RECENT_EVENTS), events.size()).stream()
          .map(e -> e.getReason() + ": " + e.getMessage())
          .collect(Collectors.joining(" | ", "; recent events: ", ""));
    } catch (RuntimeException e) {
      return "; events could not be read (" + e.getMessage() + ")";
    }
  }

  private static String when(Event e) {
    return Objects.requireNonNullElse(e.getLastTimestamp(),
        Objects.requireNonNullElse(e.getMetadata().getCreationTimestamp(), ""));
  }
}
