package io.chainwright.api.await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.NodeCallException;
import io.chainwright.api.PlatformException;
import io.chainwright.api.UsageException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
  private static final Backoff QUICK = Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(2));

  @Test
  void returnsTheValueOnceTheConditionHoldsAndReportsEachChangeOnce() {
    List<Progress> seen = new ArrayList<>();
    AtomicInteger looks = new AtomicInteger();

    long block = Await.of("node at block 3").timeout(Duration.ofSeconds(10)).backoff(QUICK).listener(seen::add)
        .until(() -> {
          int n = looks.incrementAndGet();
          long height = n / 3;   // each height is seen on three looks in a row
          return height >= 3 ? Observation.done(height, "block " + height) : Observation.waiting("block " + height);
        });

    assertThat(block).isEqualTo(3);
    assertThat(seen).extracting(Progress::state).containsExactly("block 0", "block 1", "block 2", "block 3");
    assertThat(seen).extracting(Progress::ready).containsExactly(false, false, false, true);
    assertThat(seen).allSatisfy(p -> assertThat(p.subject()).isEqualTo("node at block 3"));
  }

  @Test
  void aTimeoutNamesWhatWasAwaitedTheLastObservationAndTheWholeTimeoutOfASharedDeadline() throws Exception {
    Deadline deadline = Deadline.in(Duration.ofMillis(80));
    Await.of("first service ready").deadline(deadline).backoff(QUICK).until(() -> Observation.done(null, "up"));
    Thread.sleep(30);

    assertThatThrownBy(() -> Await.of("second service ready").deadline(deadline).backoff(QUICK)
        .until(() -> Observation.waiting("HTTP 503")))
        .isInstanceOfSatisfying(AwaitTimeoutException.class, e -> {
          assertThat(e.awaited()).isEqualTo("second service ready");
          assertThat(e.lastState()).isEqualTo("HTTP 503");
          assertThat(e.timeout()).isEqualTo(Duration.ofMillis(80));
          assertThat(e).hasMessageContaining("PT0.08S").hasMessageContaining("second service ready");
        });
  }

  @Test
  void retriedFailuresAreObservationsAndOthersEndTheWaitUnchanged() {
    AtomicInteger looks = new AtomicInteger();
    List<String> states = new ArrayList<>();

    String answer = Await.of("an answer").timeout(Duration.ofSeconds(10)).backoff(QUICK).retryingOn(IOException.class)
        .listener(p -> states.add(p.state()))
        .until(() -> {
          if (looks.incrementAndGet() < 3) {
            throw new IOException("connection refused");
          }
          return Observation.done("0x7a69", "answered");
        });

    assertThat(answer).isEqualTo("0x7a69");
    assertThat(states).containsExactly("unreachable: connection refused", "answered");

    UsageException wrong = new UsageException("no such port");
    assertThatThrownBy(() -> Await.of("x").retryingOn(IOException.class).until(() -> { throw wrong; })).isSameAs(wrong);
  }

  @Test
  void aCheckedFailureIsWrappedByUntilAndThrownAsItIsByUntilRethrowing() {
    IOException refused = new IOException("refused");

    assertThatThrownBy(() -> Await.of("a reply").until(() -> { throw refused; }))
        .isInstanceOf(PlatformException.class).hasMessageContaining("wait for a reply").hasCause(refused);
    assertThatThrownBy(() -> Await.of("a reply").untilRethrowing(() -> { throw refused; })).isSameAs(refused);
  }

  @Test
  void failuresCanBeDescribedTheCallersWay() {
    List<String> states = new ArrayList<>();
    assertThatThrownBy(() -> Await.of("a leader").timeout(Duration.ofMillis(20)).backoff(QUICK)
        .retryingOn(NodeCallException.class).describingFailures(Throwable::getMessage)
        .listener(p -> states.add(p.state()))
        .until(() -> { throw new NodeCallException("http://n", "status", 503, "UNAVAILABLE"); }))
        .isInstanceOfSatisfying(AwaitTimeoutException.class,
            e -> assertThat(e.lastState()).isEqualTo("status on http://n failed: UNAVAILABLE"));
    assertThat(states).containsExactly("status on http://n failed: UNAVAILABLE");
  }

  @Test
  void anInterruptedWaitStopsAndKeepsTheInterrupt() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Await.of("never").timeout(Duration.ofSeconds(30)).until(() -> Observation.waiting("no")))
          .isInstanceOf(AwaitTimeoutException.class).hasMessageContaining("interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
