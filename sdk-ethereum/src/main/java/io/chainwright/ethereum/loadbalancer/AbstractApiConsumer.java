package io.chainwright.ethereum.loadbalancer;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A client of an {@link RpcLoadBalancer} that holds an API key: it sends the key in the
 * {@code X-Api-Key} header, and its requests are limited to its own rate.
 *
 * <pre>{@code
 * ApiConsumer.of("wallet-app", 200);
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = ApiConsumer.class)
@JsonDeserialize(as = ApiConsumer.class)
abstract class AbstractApiConsumer {
  @Value.Parameter
  public abstract String name();

  /** Sustained requests per second allowed with this consumer's key; the balancer's per-client rate when absent. */
  @Value.Parameter
  public abstract Optional<Integer> rateLimitPerSecond();

  public static ApiConsumer of(String name, int rateLimitPerSecond) {
    return ApiConsumer.of(name, Optional.of(rateLimitPerSecond));
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("consumers", name());
    v.label("name", name());
    rateLimitPerSecond().ifPresent(r -> v.range("rateLimitPerSecond", r, 1, 1_000_000, "a rate"));
    v.throwIfAny();
  }
}
