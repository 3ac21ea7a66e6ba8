package io.chainwright.fabric.operations;

import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.PlatformException;
import io.chainwright.api.await.Await;
import io.chainwright.api.await.Backoff;
import io.chainwright.api.await.Observation;
import io.grpc.Status;
import java.time.Duration;
import java.util.function.Supplier;

/** How operations call nodes: failures named by the node's org and name, and calls retried while the network is not yet ready. */
final class NodeCalls {
  private NodeCalls() {}

  /**
   * Runs {@code call} on a node, naming the node by its name and org in any failure: the client
   * knows only the address it reached, which on Kubernetes is a port-forward's.
   */
  static void naming(String node, Runnable call) {
    naming(node, () -> {
      call.run();
      return null;
    });
  }

  static <T> T naming(String node, Supplier<T> call) {
    try {
      return call.get();
    } catch (PlatformException e) {
      throw new PlatformException(e.verb(), node + " (" + e.object() + ")", e.detail(), e);
    } catch (AwaitTimeoutException e) {
      throw new AwaitTimeoutException(e.awaited() + " (" + node + ")", e.lastState(), e.timeout());
    }
  }

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
