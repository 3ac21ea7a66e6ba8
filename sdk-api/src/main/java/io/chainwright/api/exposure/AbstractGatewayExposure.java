package io.chainwright.api.exposure;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A port published at a host name through a Gateway API gateway: a route attached to a named
 * {@code Gateway}, either the platform's (give its namespace) or one the network declares itself
 * ({@link io.chainwright.api.policy.NetworkGateway}), which then gets a listener for this host.
 *
 * <pre>{@code
 * Port.builder().name("rpc").number(8545).exposure(Exposure.gateway("edge", "rpc.example.org")).build();
 * }</pre>
 *
 * <p>A peer-to-peer port can go through a gateway port of its own as a TCP or UDP route
 * ({@link RouteKind#TCP}); the host then names the gateway for clients, and routing is by port.
 *
 * <p>Gateway API has no standard form for key auth or rate limits: they are rendered for the
 * gateway's {@link #controller()} when it is one the SDK knows (Envoy Gateway), and asking for them
 * without one is a validation error, so nothing is dropped silently. An {@link IngressExposure} on
 * an nginx-compatible controller has them too.
 *
 * <pre>{@code
 * GatewayExposure.builder().gateway("public").gatewayNamespace("gateway-system").host("rpc.example.org")
 *     .controller(GatewayController.ENVOY_GATEWAY).apiKeysSecret("rpc-api-keys").rateLimitPerSecond(200).build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = GatewayExposure.class)
@JsonDeserialize(builder = GatewayExposure.Builder.class)
abstract sealed class AbstractGatewayExposure implements Exposure permits GatewayExposure {
  /** The name of the {@code Gateway} the route attaches to. */
  public abstract String gateway();

  /** The gateway's namespace, when it is not the network's own (a platform's shared gateway). */
  public abstract Optional<String> gatewayNamespace();

  /** The gateway listener to attach to, when a platform's gateway has several; the network's own gateways choose it themselves. */
  public abstract Optional<String> listener();

  /** The public host name, e.g. {@code rpc.example.org}. */
  public abstract String host();

  /** The path prefix routed to the port; HTTP routes only. */
  @Value.Default
  public String path() {
    return "/";
  }

  @Value.Default
  public RouteKind route() {
    return RouteKind.HTTP;
  }

  /** How long the gateway waits for a whole request to be answered; HTTP routes only. */
  public abstract Optional<Integer> timeoutSeconds();

  /** The implementation behind the gateway, for the options Gateway API has no standard form for. */
  public abstract Optional<GatewayController> controller();

  /**
   * A Secret of the network whose keys are client ids and whose values are their API keys: a
   * request without a known key in the {@code X-Api-Key} header is refused (401) at the gateway,
   * which removes the key before the request goes on. HTTP routes only.
   */
  public abstract Optional<String> apiKeysSecret();

  /** Requests per second the route takes from all clients together; above it the gateway answers 429. HTTP routes only. */
  public abstract Optional<Integer> rateLimitPerSecond();

  /**
   * The port the network's own gateway listens on for a TCP or UDP route; the exposed port's own
   * number when absent. HTTP, gRPC and TLS routes share the gateway's port 443, told apart by host.
   */
  public abstract Optional<Integer> gatewayPort();

  /** The gateway port a TCP or UDP route of port {@code number} takes on the network's own gateway. */
  public int gatewayPortFor(int number) {
    return gatewayPort().orElse(number);
  }

  @Override
  public boolean leavesNetwork() {
    return true;
  }

  @Override
  public Optional<String> publicHost() {
    return Optional.of(host());
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("exposure");
    v.subdomain("gateway", gateway());
    gatewayNamespace().ifPresent(ns -> v.label("gatewayNamespace", ns));
    listener().ifPresent(l -> v.subdomain("listener", l));
    v.subdomain("host", host());
    v.httpPath("path", path());
    v.require("route", route());
    if (route() != null && route() != RouteKind.HTTP) {
      if (!"/".equals(path())) {
        v.add("path", "a " + route() + " route takes the whole host; only HTTP routes match a path");
      }
      if (timeoutSeconds().isPresent()) {
        v.add("timeoutSeconds", "Gateway API sets request timeouts on HTTP routes only, not on a " + route() + " route");
      }
    }
    timeoutSeconds().ifPresent(t -> v.range("timeoutSeconds", t, 1, 86_400, "a timeout in seconds"));
    if (apiKeysSecret().isPresent() || rateLimitPerSecond().isPresent()) {
      String field = apiKeysSecret().isPresent() ? "apiKeysSecret" : "rateLimitPerSecond";
      if (controller().isEmpty()) {
        v.add(field, "Gateway API has no standard form for API keys or rate limits; name the gateway's controller"
            + " (GatewayController.ENVOY_GATEWAY renders them)");
      }
      if (route() != null && route() != RouteKind.HTTP) {
        v.add(field, "API keys and rate limits apply to HTTP routes; a " + route() + " route carries no requests the gateway reads");
      }
    }
    apiKeysSecret().ifPresent(secret -> v.subdomain("apiKeysSecret", secret));
    rateLimitPerSecond().ifPresent(rate -> v.range("rateLimitPerSecond", rate, 1, 1_000_000, "a rate"));
    gatewayPort().ifPresent(port -> {
      v.range("gatewayPort", port, 1, 65535, "a port");
      if (route() != null && !route().byPort()) {
        v.add("gatewayPort", "a " + route() + " route shares the gateway's port 443 by host; only TCP and UDP routes take a port of their own");
      }
    });
    v.throwIfAny();
  }
}
