package io.chainwright.api.exposure;

/**
 * The ingress controller an {@link IngressExposure} is written for. An {@code Ingress} object alone
 * carries only host, path and TLS; auth, rate limits, body size and timeouts are controller-specific
 * annotations, so the controller is named rather than guessed.
 */
public enum IngressController {
  /**
   * A controller that reads the {@code nginx.ingress.kubernetes.io/*} annotations (ingress-nginx,
   * retired in March 2026, and its compatible successors): every option is rendered.
   */
  NGINX_COMPATIBLE("nginx", true),
  /** Traefik: host, path and TLS; its auth and rate limits are middleware objects, not rendered here. */
  TRAEFIK("traefik", false),
  /** Kong's ingress controller: host, path and TLS; its auth and rate limits are plugin objects, not rendered here. */
  KONG("kong", false);

  private final String defaultClass;
  private final boolean readsNginxAnnotations;

  IngressController(String defaultClass, boolean readsNginxAnnotations) {
    this.defaultClass = defaultClass;
    this.readsNginxAnnotations = readsNginxAnnotations;
  }

  /** The {@code IngressClass} name the controller installs by default. */
  public String defaultClass() {
    return defaultClass;
  }

  /** Whether auth, rate limit, body size and timeout can be rendered as annotations it reads. */
  public boolean readsNginxAnnotations() {
    return readsNginxAnnotations;
  }
}
