package io.chainwright.api.exposure;

/**
 * The implementation behind a Gateway API gateway, for what Gateway API has no standard form for:
 * API keys and rate limits are each implementation's own policy objects, so the implementation is
 * named rather than guessed.
 */
public enum GatewayController {
  /**
   * Envoy Gateway: API keys as a {@code SecurityPolicy} and rate limits as a
   * {@code BackendTrafficPolicy} ({@code gateway.envoyproxy.io/v1alpha1}), attached to the route.
   */
  ENVOY_GATEWAY
}
