package io.chainwright.kubernetes.render;

import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.exposure.GatewayExposure;
import io.chainwright.api.exposure.RouteKind;
import io.chainwright.api.policy.NetworkGateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutes;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutesBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the gateways a network brings itself: one listener on 443 per host routed through it,
 * ending TLS with a certificate cert-manager issues (or the network's secret), or passing TLS
 * through; one TCP or UDP listener per port-routed exposure, on its gateway port; each accepting
 * routes of the network's own namespace only; plus, where it ends TLS, a listener on 80 whose only
 * route redirects to HTTPS.
 */
final class GatewayRenderer {
  static final int HTTPS = 443;
  static final int HTTP = 80;
  static final String HTTP_LISTENER = "http";

  private GatewayRenderer() {}

  /**
   * The listener a route through the network's own gateway attaches to: named after the host, which
   * is unique on the gateway, or for TCP and UDP routes after the protocol and gateway port.
   */
  static String listenerName(GatewayExposure gw, Port port) {
    return gw.route().byPort() ? gw.route().name().toLowerCase(Locale.ROOT) + "-" + gw.gatewayPortFor(port.number()) : gw.host();
  }

  static void render(RenderContext ctx) {
    for (NetworkGateway g : ctx.network().gateways()) {
      Map<String, Listener> listeners = new TreeMap<>();
      for (Workload w : ctx.network().workloads()) {
        for (Port p : w.servingPorts()) {
          if (p.exposure() instanceof GatewayExposure gw && ctx.network().ownGateway(gw).filter(g::equals).isPresent()) {
            listeners.putIfAbsent(listenerName(gw, p), listener(ctx, g, gw, p));
          }
        }
      }
      boolean endsTls = listeners.values().stream().anyMatch(l -> l.getProtocol().equals("HTTPS"));
      if (endsTls && g.redirectHttp()) {
        listeners.put("", new ListenerBuilder().withName(HTTP_LISTENER).withPort(HTTP).withProtocol("HTTP")
            .withAllowedRoutes(sameNamespace()).build());
        ctx.add(Tier.SERVICES, redirect(ctx, g));
      }
      Map<String, String> annotations = g.tlsIssuer().map(i -> Map.of("cert-manager.io/cluster-issuer", i)).orElse(Map.of());
      ctx.add(Tier.SERVICES, new GatewayBuilder()
          .withMetadata(ctx.meta(g.name(), Labels.owned(ctx.network()), annotations))
          .withNewSpec()
          .withGatewayClassName(g.gatewayClass())
          .withListeners(listeners.values().stream().toList())
          .endSpec()
          .build());
    }
  }

  private static Listener listener(RenderContext ctx, NetworkGateway g, GatewayExposure gw, Port port) {
    if (gw.route().byPort()) {
      // Host names play no part in TCP and UDP routing, so the listener has none.
      return new ListenerBuilder().withName(listenerName(gw, port)).withPort(gw.gatewayPortFor(port.number()))
          .withProtocol(gw.route().name()).withAllowedRoutes(sameNamespace()).build();
    }
    ListenerBuilder l = new ListenerBuilder().withName(listenerName(gw, port)).withHostname(gw.host()).withPort(HTTPS)
        .withAllowedRoutes(sameNamespace());
    if (gw.route() == RouteKind.TLS_PASSTHROUGH) {
      return l.withProtocol("TLS").withNewTls().withMode("Passthrough").endTls().build();
    }
    // With an issuer, cert-manager writes each listener's certificate into the secret named here.
    String secret = g.tlsSecret().orElseGet(() -> certificateSecret(ctx, g, gw.host()));
    return l.withProtocol("HTTPS")
        .withNewTls().withMode("Terminate").addNewCertificateRef().withKind("Secret").withName(secret).endCertificateRef().endTls()
        .build();
  }

  /**
   * Every listener of a network's own gateway admits routes of the network's namespace only; a new
   * object each time, as fabric8's are mutable.
   */
  private static AllowedRoutes sameNamespace() {
    return new AllowedRoutesBuilder().withNewNamespaces().withFrom("Same").endNamespaces().build();
  }

  /** Every plain HTTP request on the gateway, whatever its host, sent to the same address over HTTPS. */
  private static HTTPRoute redirect(RenderContext ctx, NetworkGateway g) {
    return new HTTPRouteBuilder()
        .withMetadata(ctx.meta(ctx.derivedName("gateways[" + g.name() + "]", g.name() + "-https-redirect")))
        .withNewSpec()
        .addNewParentRef().withName(g.name()).withSectionName(HTTP_LISTENER).endParentRef()
        .addNewRule()
        .addNewFilter().withType("RequestRedirect").withNewRequestRedirect().withScheme("https").withStatusCode(301)
        .endRequestRedirect().endFilter()
        .endRule()
        .endSpec()
        .build();
  }

  private static String certificateSecret(RenderContext ctx, NetworkGateway g, String host) {
    String name = g.name() + "-" + host + "-tls";
    if (name.length() > 253) {
      ctx.violations().add("gateways[" + g.name() + "]", "the certificate secret name '" + name + "' is longer than 253 characters");
    }
    return name;
  }
}
