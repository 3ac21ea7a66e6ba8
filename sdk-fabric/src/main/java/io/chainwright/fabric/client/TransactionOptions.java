package io.chainwright.fabric.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one call goes through the Gateway: the organisations whose peers endorse it (a submit) or
 * answer it (an evaluate) instead of those the Gateway would choose, and a deadline of its own
 * instead of the client's timeout.
 *
 * <pre>{@code
 * gateway.submit("trade", "asset", "transfer", TransactionOptions.endorsedBy("Org1MSP", "Org2MSP").within(Duration.ofSeconds(5)), "a1", "bob");
 * }</pre>
 */
public record TransactionOptions(List<String> organizations, Optional<Duration> deadline) {
  public TransactionOptions {
    organizations = List.copyOf(organizations);
    Objects.requireNonNull(deadline, "deadline");
    deadline.filter(d -> d.isNegative() || d.isZero()).ifPresent(d -> {
      throw new IllegalArgumentException("a deadline is a positive duration, not " + d);
    });
  }

  /** The Gateway's own choice of peers, within the client's timeout. */
  public static TransactionOptions defaults() {
    return new TransactionOptions(List.of(), Optional.empty());
  }

  /** Endorsed by (or, for an evaluate, answered by) peers of these organisations' MSPs. */
  public static TransactionOptions endorsedBy(String... mspIds) {
    return new TransactionOptions(List.of(mspIds), Optional.empty());
  }

  /** The same, giving up after {@code limit}. */
  public TransactionOptions within(Duration limit) {
    return new TransactionOptions(organizations, Optional.of(limit));
  }
}
