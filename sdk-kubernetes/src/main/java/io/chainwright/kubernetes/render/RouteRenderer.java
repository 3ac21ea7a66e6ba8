package io.chainwright.kubernetes.render;

import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.exposure.GatewayExposure;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteTimeoutsBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRouteBuilder;

/**
 * Renders the Gateway API route for one port: an {@code HTTPRoute}, {@code GRPCRoute},
 * {@code TLSRoute}, {@code TCPRoute} or {@code UDPRoute} to the workload's service, attached to the
 * named gateway (on the network's own gateway, to the listener for its host or its gateway port).
 */
final class RouteRenderer {
  private RouteRenderer() {}

  static void render(RenderContext ctx, Workload w, Port port, GatewayExposure gw) {
    String path = "workloads[" + w.name() + "].ports[" + port.name() + "]";
    String route = ctx.derivedName(path, w.name() + "-" + port.name());
    ObjectMeta meta = ctx.meta(route, w);
    ParentReference parent = parent(ctx, gw, port);
    // Routes reach the port through the workload's ClusterIP service, which serves it at its own number.
    String service = w.name();
    int number = port.number();
    ctx.add(Tier.SERVICES, switch (gw.route()) {
      case HTTP -> new HTTPRouteBuilder().withMetadata(meta).withNewSpec()
          .withParentRefs(parent)
          .withHostnames(gw.host())
          .addNewRule()
          .addNewMatch().withNewPath().withType("PathPrefix").withValue(gw.path()).endPath().endMatch()
          .addNewBackendRef().withName(service).withPort(number).endBackendRef()
          .withTimeouts(gw.timeoutSeconds().map(t -> new HTTPRouteTimeoutsBuilder()
              .withRequest(t + "s").build()).orElse(null))
          .endRule()
          .endSpec().build();
      case GRPC -> new GRPCRouteBuilder().withMetadata(meta).withNewSpec()
          .withParentRefs(parent)
          .withHostnames(gw.host())
          .addNewRule().addNewBackendRef().withName(service).withPort(number).endBackendRef().endRule()
          .endSpec().build();
      case TLS_PASSTHROUGH -> new TLSRouteBuilder().withMetadata(meta).withNewSpec()
          .withParentRefs(parent)
          .withHostnames(gw.host())
          .addNewRule().addNewBackendRef().withName(service).withPort(number).endBackendRef().endRule()
          .endSpec().build();
      case TCP -> new TCPRouteBuilder().withMetadata(meta).withNewSpec()
          .withParentRefs(parent)
          .addNewRule().addNewBackendRef().withName(service).withPort(number).endBackendRef().endRule()
          .endSpec().build();
      case UDP -> new UDPRouteBuilder().withMetadata(meta).withNewSpec()
          .withParentRefs(parent)
          .addNewRule().addNewBackendRef().withName(service).withPort(number).endBackendRef().endRule()
          .endSpec().build();
    });
    GatewayPolicyRenderer.render(ctx, w, gw, route, path);
  }

  private static ParentReference parent(RenderContext ctx, GatewayExposure gw, Port port) {
    ParentReferenceBuilder parent = new ParentReferenceBuilder().withName(gw.gateway());
    if (ctx.network().ownGateway(gw).isPresent()) {
      return parent.withSectionName(GatewayRenderer.listenerName(gw, port)).build();
    }
    gw.gatewayNamespace().filter(ns -> !ns.equals(ctx.network().namespace())).ifPresent(parent::withNamespace);
    gw.listener().ifPresent(parent::withSectionName);
    return parent.build();
  }
}
