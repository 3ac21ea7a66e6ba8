package io.chainwright.kubernetes.render;

import io.chainwright.api.Workload;
import io.chainwright.api.exposure.GatewayController;
import io.chainwright.api.exposure.GatewayExposure;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * Renders what Gateway API has no standard form for, as the gateway's controller's own policies
 * attached to the route: for Envoy Gateway, API keys as a {@code SecurityPolicy} and a rate limit
 * as a {@code BackendTrafficPolicy}. The keys stay in their Secret; the policy only names it.
 */
final class GatewayPolicyRenderer {
  static final String API = "gateway.envoyproxy.io/v1alpha1";
  /** The request header clients send their key in, as the SDK's own load balancer reads it. */
  static final String API_KEY_HEADER = "X-Api-Key";

  private GatewayPolicyRenderer() {}

  /** The policies for {@code route}, the HTTP route of a port at model {@code path}. */
  static void render(RenderContext ctx, Workload w, GatewayExposure gw, String route, String path) {
    if (gw.controller().filter(GatewayController.ENVOY_GATEWAY::equals).isEmpty()) {
      return;
    }
    Map<String, Object> target = RenderContext.fields("group", "gateway.networking.k8s.io", "kind", "HTTPRoute", "name", route);
    gw.apiKeysSecret().ifPresent(secret -> ctx.add(Tier.SERVICES, policy("SecurityPolicy", meta(ctx, path, route + "-api-keys", w),
        RenderContext.fields("targetRefs", List.of(target), "apiKeyAuth", RenderContext.fields(
            "credentialRefs", List.of(RenderContext.fields("name", secret)),
            "extractFrom", List.of(RenderContext.fields("headers", List.of(API_KEY_HEADER))),
            // The nodes behind the gateway never see a client's key.
            "sanitize", true)))));
    gw.rateLimitPerSecond().ifPresent(rate -> ctx.add(Tier.SERVICES, policy("BackendTrafficPolicy", meta(ctx, path, route + "-rate-limit", w),
        RenderContext.fields("targetRefs", List.of(target), "rateLimit", RenderContext.fields("local", RenderContext.fields(
            // No client selectors: the limit holds for all the route's traffic together.
            "rules", List.of(RenderContext.fields("limit", RenderContext.fields("requests", rate, "unit", "Second")))))))));
  }

  private static ObjectMeta meta(RenderContext ctx, String path, String name, Workload w) {
    return ctx.meta(ctx.derivedName(path + ".exposure", name), w);
  }

  private static GenericKubernetesResource policy(String kind, ObjectMeta meta, Map<String, Object> spec) {
    return new GenericKubernetesResourceBuilder().withApiVersion(API).withKind(kind).withMetadata(meta)
        .withAdditionalProperties(RenderContext.fields("spec", spec)).build();
  }
}
