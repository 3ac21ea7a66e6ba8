package io.chainwright.ethereum.loadbalancer;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A client of an {@link RpcLoadBalancer} that holds an API key: it sends the key in the
 * {@code X-Api-Key} header, and its requests are limited to its own rate and, when it has an
 * allow-list, to the method namespaces on it.
 *
 * <pre>{@code
 * ApiConsumer.of("wallet-app", 200);
 * ApiConsumer.builder().name("dashboard").rateLimitPerSecond(20).addAllowedNamespaces("eth", "net").build();
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

  /**
   * The method namespaces this consumer may call, e.g. {@code eth} for {@code eth_call}; any namespace
   * when empty. Within what the balancer allows: its refused namespaces stay refused. A request
   * naming another namespace anywhere, a batch included, is refused whole with 403.
   */
  public abstract List<String> allowedNamespaces();

  public static ApiConsumer of(String name, int rateLimitPerSecond) {
    return ApiConsumer.of(name, Optional.of(rateLimitPerSecond));
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("consumers", name());
    v.label("name", name());
    rateLimitPerSecond().ifPresent(r -> v.range("rateLimitPerSecond", r, 1, 1_000_000, "a rate"));
    Namespaces.check(v, "allowedNamespaces", allowedNamespaces());
    v.throwIfAny();
  }
}
