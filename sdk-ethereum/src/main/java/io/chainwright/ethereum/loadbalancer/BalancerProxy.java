package io.chainwright.ethereum.loadbalancer;

import io.chainwright.api.Image;

/** The proxy an {@link RpcLoadBalancer} runs, each with an image that runs as a non-root user. */
public enum BalancerProxy {
  /** nginx: every feature of the balancer, including archive pools, batches and API keys. */
  NGINX(Image.of("nginxinc/nginx-unprivileged:1.27-alpine"), "nginx", "nginx.conf"),
  /**
   * Envoy: least-request pools with outlier ejection, retries of attempts that never
   * reached a node, per-address rate limits and namespace refusals. It reads one method per request,
   * so JSON-RPC batches are refused, and it cannot send a namespace to a pool of its own or check API
   * keys without holding them in its configuration: archive pools and consumers need {@link #NGINX}.
   * Its configuration follows Envoy's API as of April 2025, all of which 1.35 holds.
   */
  ENVOY(Image.of("envoyproxy/envoy:v1.35.0"), "envoy", "envoy.yaml");

  private final Image defaultImage;
  private final String program;
  private final String configFile;

  BalancerProxy(Image defaultImage, String program, String configFile) {
    this.defaultImage = defaultImage;
    this.program = program;
    this.configFile = configFile;
  }

  /** The image used unless the balancer names another. */
  public Image defaultImage() {
    return defaultImage;
  }

  /** The proxy's program, run with {@code -c} and its configuration file. */
  public String program() {
    return program;
  }

  /** The name of the generated configuration file. */
  public String configFile() {
    return configFile;
  }
}
