package io.chainwright.ethereum.common;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import io.chainwright.api.exposure.Exposure;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.immutables.value.Value;

/**
 * Who may call a node's HTTP API: allowed host names (virtual hosts) and browser origins (CORS).
 *
 * <p>By default only the node's own workload name, {@code localhost} and {@code 127.0.0.1} (the
 * address probes inside the container call) are accepted as hosts and
 * no browser origin is allowed. A wildcard is refused unless {@link #allowAnyOriginInsecure()} is
 * set, because it lets any web page drive the node from a visitor's browser.
 */
@Value.Immutable
@JsonSerialize(as = RpcAccess.class)
@JsonDeserialize(as = RpcAccess.class)
abstract class AbstractRpcAccess {
  static final String WILDCARD = "*";

  /** Extra host names accepted besides the workload name and loopback, e.g. an ingress host. */
  public abstract List<String> virtualHosts();

  /** Browser origins allowed to call the API, e.g. {@code https://app.example.org}; none by default. */
  public abstract List<String> corsOrigins();

  /** Accept {@code *} among hosts and origins. Insecure: any web page may then call the node. */
  @Value.Default
  public boolean allowAnyOriginInsecure() {
    return false;
  }

  /** Restrictive access: the workload name and loopback only, no CORS. */
  public static RpcAccess restricted() {
    return RpcAccess.builder().build();
  }

  /** The host list, as one flag value, of a workload that only its own name and loopback may call. */
  public static String ownHosts(String workload) {
    return String.join(",", restricted().hostsFor(workload, Exposure.internal()));
  }

  /** The CORS origins as one comma-separated flag value; empty when none are allowed. */
  public Optional<String> corsOriginList() {
    return corsOrigins().isEmpty() ? Optional.empty() : Optional.of(String.join(",", corsOrigins()));
  }

  /**
   * The host names to allow for a workload whose RPC is exposed as {@code exposure}: its own name,
   * {@code localhost} and {@code 127.0.0.1}, the host name callers use when a gateway or an ingress publishes the RPC (or
   * every request through it would be refused), then the extras.
   */
  public List<String> hostsFor(String workload, Exposure exposure) {
    if (virtualHosts().contains(WILDCARD)) {
      return List.of(WILDCARD);
    }
    return Stream.of(Stream.of(workload, "localhost", "127.0.0.1"), exposure.publicHost().stream(), virtualHosts().stream())
        .flatMap(h -> h).distinct().toList();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    check(v, "virtualHosts", virtualHosts());
    check(v, "corsOrigins", corsOrigins());
    v.throwIfAny();
  }

  private void check(Violations v, String field, List<String> values) {
    for (String value : values) {
      if (value == null || value.isBlank() || value.contains(",") || value.chars().anyMatch(Character::isWhitespace)) {
        v.add(field, "'" + value + "' is not a single host or origin");
      } else if (value.contains(WILDCARD) && !allowAnyOriginInsecure()) {
        v.add(field, "'" + value + "' lets any site call the node; list the hosts or origins, "
            + "or set allowAnyOriginInsecure(true) to accept that risk");
      }
    }
  }
}
