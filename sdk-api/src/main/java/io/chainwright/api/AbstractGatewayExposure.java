package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
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
 * <p>Gateway API has no standard form for basic auth, key auth or rate limits, so this exposure
 * offers none: a gateway that cannot express them is never asked to, and nothing is dropped
 * silently. An {@link IngressExposure} on an nginx-compatible controller has them.
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

  /**
   * The port the network's own gateway listens on for a TCP or UDP route; the exposed port's own
   * number when absent. HTTP, gRPC and TLS routes share the gateway's port 443, told apart by host.
   */
  public abstract Optional<Integer> gatewayPort();

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
    gatewayPort().ifPresent(port -> {
      v.range("gatewayPort", port, 1, 65535, "a port");
      if (route() != null && !route().byPort()) {
        v.add("gatewayPort", "a " + route() + " route shares the gateway's port 443 by host; only TCP and UDP routes take a port of their own");
      }
    });
    v.throwIfAny();
  }
}
