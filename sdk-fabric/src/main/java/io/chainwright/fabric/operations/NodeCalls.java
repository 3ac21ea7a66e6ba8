package io.chainwright.fabric.operations;

import io.chainwright.api.PlatformException;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Backoff;
import io.chainwright.api.await.Observation;
import io.grpc.Status;
import java.time.Duration;

/** How operations call nodes while the network is not yet ready to serve them. */
final class NodeCalls {
  private NodeCalls() {}

  /**
   * Runs {@code call} until the network can serve it: just after channels are joined, the Raft
   * leader may not be elected and gossip may not have told the gateway of other orgs' peers yet,
   * and Fabric answers UNAVAILABLE. Any other failure, or the timeout, ends the wait.
   */
  static void whenAvailable(String what, Duration timeout, Runnable call) {
    Await.of(what).timeout(timeout).backoff(Backoff.exponential(Duration.ofMillis(50), Duration.ofSeconds(1)))
        .retryingIf(e -> e instanceof PlatformException && Status.fromThrowable(e).getCode() == Status.Code.UNAVAILABLE)
        .describingFailures(Throwable::getMessage)
        .until(() -> {
          call.run();
          return Observation.done(null, "done");
        });
  }
}
