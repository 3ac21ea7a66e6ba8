package io.chainwright.ethereum.loadbalancer;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.SecretValue;
import io.chainwright.api.Violations;
import io.chainwright.api.Workload;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.material.MaterialKey;
import io.chainwright.api.material.Materials;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.common.RpcAccess;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A load balancer in front of several execution nodes' JSON-RPC: each request goes to the node with
 * the fewest requests or connections open, a node that fails is rested for a while, each client
 * address is rate-limited, and {@code /healthz} answers for the balancer itself. It is a workload
 * of its own, with its configuration generated as a config volume that holds no secret. It runs
 * nginx by default, or Envoy ({@link BalancerProxy#ENVOY}, which does less: see there).
 *
 * <p>Requests are routed by their JSON-RPC method: namespaces that administer a node ({@code admin_},
 * {@code personal_}, ...) are refused at the edge; tracing namespaces ({@code debug_}, {@code trace_})
 * go to the archive nodes, or are refused when there are none; WebSocket upgrades (for
 * {@code eth_subscribe}) go to the WebSocket nodes, or are refused when there are none. Only the
 * upgrade is seen, not the messages sent over the socket afterwards, so the refusals cover HTTP
 * requests only: keep the nodes' WebSocket APIs free of administrative namespaces.
 *
 * <p>Nodes check the {@code Host} header; the balancer sends its own name, so list it among each
 * node's virtual hosts ({@link #virtualHost()}).
 *
 * <pre>{@code
 * RpcLoadBalancer lb = RpcLoadBalancer.builder().addUpstreams(a.rpcUrl(), b.rpcUrl())
 *     .addArchiveUpstreams(archive.rpcUrl()).addWebSocketUpstreams(a.webSocketUrl().orElseThrow()).build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = RpcLoadBalancer.class)
@JsonDeserialize(as = RpcLoadBalancer.class)
abstract class AbstractRpcLoadBalancer implements NetworkPart {
  @Value.Default
  public String name() {
    return "rpc-lb";
  }

  /** The proxy that runs the balancer: nginx unless chosen otherwise. */
  @Value.Default
  public BalancerProxy proxy() {
    return BalancerProxy.NGINX;
  }

  /**
   * An image of the {@link #proxy()} that runs as a non-root user; without one, the proxy's own
   * ({@link BalancerProxy#defaultImage()}), which follows the proxy when a copy chooses another.
   */
  public abstract Optional<Image> image();

  /** The nodes' JSON-RPC addresses, e.g. {@link io.chainwright.ethereum.EthereumNode#rpcUrl()}. */
  public abstract List<URI> upstreams();

  /** Archive nodes, which answer the {@link #archiveNamespaces()}; without them those are refused. */
  public abstract List<URI> archiveUpstreams();

  /**
   * Nodes that serve JSON-RPC over WebSocket, e.g. {@link io.chainwright.ethereum.EthereumNode#webSocketUrl()};
   * without them WebSocket upgrades are refused.
   */
  public abstract List<URI> webSocketUpstreams();

  /**
   * Clients that must present an API key: when any are listed, a request without a known key in
   * {@code X-Api-Key} is refused with 401, and each consumer is limited to its own rate. The keys are
   * made once in the network's material store and kept in the Secret {@link #apiKeysSecretName()},
   * never in the configuration.
   */
  public abstract List<ApiConsumer> consumers();

  /** Method namespaces refused at the edge: by default those that administer or sign with a node. */
  @Value.Default
  public List<String> refusedNamespaces() {
    return List.of("admin", "engine", "miner", "personal");
  }

  /** Method namespaces only archive nodes answer: routed to {@link #archiveUpstreams()}, refused without them. */
  @Value.Default
  public List<String> archiveNamespaces() {
    return List.of("debug", "trace");
  }

  @Value.Default
  public int port() {
    return 8080;
  }

  /** How far the balancer's port reaches; internal by default. */
  @Value.Default
  public Exposure exposure() {
    return Exposure.internal();
  }

  @Value.Default
  public int replicas() {
    return 2;
  }

  /** Sustained requests per second allowed from one client address. */
  @Value.Default
  public int rateLimitPerSecond() {
    return 50;
  }

  /** Requests from one address allowed above the rate before it answers 429. */
  @Value.Default
  public int burst() {
    return 100;
  }

  /** Open connections allowed from one client address (nginx only: Envoy has no such limit). */
  @Value.Default
  public int connectionsPerClient() {
    return DEFAULT_CONNECTIONS_PER_CLIENT;
  }

  static final int DEFAULT_CONNECTIONS_PER_CLIENT = 20;
  /** A size in nginx's notation: bytes, or kibibytes and mebibytes with k or m. */
  private static final String SIZE = "[1-9][0-9]*[kKmM]?";

  /** The largest request body accepted, in nginx's notation (e.g. {@code 1m}). */
  @Value.Default
  public String maxBodySize() {
    return "1m";
  }

  /** Failed attempts within {@link #failTimeoutSeconds()} after which a node is rested for that long. */
  @Value.Default
  public int maxFails() {
    return 3;
  }

  @Value.Default
  public int failTimeoutSeconds() {
    return 10;
  }

  /** How long a node may take to answer one request. */
  @Value.Default
  public int readTimeoutSeconds() {
    return 60;
  }

  /** The host name the balancer sends upstream; add it to each node's {@code RpcAccess} virtual hosts. */
  public String virtualHost() {
    return name();
  }

  /** The generated nginx configuration. */
  public String nginxConf() {
    return NginxConf.render((RpcLoadBalancer) this);
  }

  /** The generated Envoy configuration (a bootstrap file for {@code envoy -c}). */
  public String envoyConf() {
    return EnvoyConf.render((RpcLoadBalancer) this);
  }

  /** The generated configuration of the {@link #proxy()}, the file named {@link BalancerProxy#configFile()}. */
  public String configuration() {
    return proxy() == BalancerProxy.ENVOY ? envoyConf() : nginxConf();
  }

  /** The balancer's workload. */
  public Workload workload() {
    return RpcLoadBalancerCompiler.compile((RpcLoadBalancer) this);
  }

  /** The Secret holding the consumers' keys: {@code <consumer>.key} for each, and the table nginx reads. */
  public String apiKeysSecretName() {
    return name() + "-api-keys";
  }

  /** The API key of {@code consumer}, made once in {@code materials} and read back after. */
  public SecretValue apiKey(String consumer, Materials materials) {
    return ApiKeys.key((RpcLoadBalancer) this, consumer, materials);
  }

  /**
   * Where {@code consumer}'s key is kept: {@code store.rotate(lb.apiKeyMaterial("wallet", materials))}
   * replaces it on the next render. To revoke a key, remove its consumer and {@link #revoke} it.
   */
  public MaterialKey apiKeyMaterial(String consumer, Materials materials) {
    return ApiKeys.material((RpcLoadBalancer) this, consumer, materials);
  }

  /**
   * Revokes the key of {@code consumer}, already removed from the consumers: the next render leaves
   * it out of the Secret as soon as the consumer is gone, and this retires it in the store too, so a
   * consumer of that name added later gets a new key rather than the revoked one. Returns whether a
   * key was stored.
   *
   * @throws io.chainwright.api.UsageException while {@code consumer} is still a consumer
   */
  public boolean revoke(String consumer, Materials materials) {
    return ApiKeys.revoke((RpcLoadBalancer) this, consumer, materials);
  }

  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    network.addWorkload(workload());
    if (!consumers().isEmpty()) {
      network.addSecret(ApiKeys.secret((RpcLoadBalancer) this, materials));
    }
    return network;
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("loadBalancer");
    v.label("name", name());
    if (upstreams().isEmpty()) {
      v.add("upstreams", "name at least one node to balance across");
    }
    checkAddresses(v, "upstreams", upstreams());
    checkAddresses(v, "archiveUpstreams", archiveUpstreams());
    checkAddresses(v, "webSocketUpstreams", webSocketUpstreams());
    v.unique("consumers", consumers(), ApiConsumer::name);
    Namespaces.check(v, "refusedNamespaces", refusedNamespaces());
    Namespaces.check(v, "archiveNamespaces", archiveNamespaces());
    archiveNamespaces().stream().filter(refusedNamespaces()::contains)
        .forEach(ns -> v.add("archiveNamespaces", "'" + ns + "' is refused as well; name it in one list only"));
    v.range("port", port(), 1, 65535, "a port");
    v.require("exposure", exposure());
    v.range("replicas", replicas(), 1, 100, "a replica count");
    v.range("rateLimitPerSecond", rateLimitPerSecond(), 1, 1_000_000, "a rate");
    v.range("burst", burst(), 0, 1_000_000, "a burst");
    v.range("connectionsPerClient", connectionsPerClient(), 1, 100_000, "a connection count");
    if (maxBodySize() == null || !maxBodySize().matches(SIZE)) {
      v.add("maxBodySize", "'" + maxBodySize() + "' is not a size such as 512k or 1m");
    }
    v.range("maxFails", maxFails(), 1, 100, "a failure count");
    v.range("failTimeoutSeconds", failTimeoutSeconds(), 1, 3600, "a number of seconds");
    v.range("readTimeoutSeconds", readTimeoutSeconds(), 1, 3600, "a number of seconds");
    if (proxy() == BalancerProxy.ENVOY) {
      checkEnvoy(v);
    }
    v.throwIfAny();
  }

  /** What Envoy cannot do is refused by name, rather than dropped from its configuration. */
  private void checkEnvoy(Violations v) {
    String useNginx = "; use BalancerProxy.NGINX";
    if (!archiveUpstreams().isEmpty()) {
      v.add("archiveUpstreams", "Envoy cannot send a JSON-RPC namespace to a pool of its own (it chooses the pool before it "
          + "reads the body)" + useNginx + ", or leave the archive namespaces refused");
    }
    if (!consumers().isEmpty()) {
      v.add("consumers", "Envoy checks API keys only from its own configuration, which would then hold every key" + useNginx);
    }
    if (connectionsPerClient() != DEFAULT_CONNECTIONS_PER_CLIENT) {
      v.add("connectionsPerClient", "Envoy has no limit on connections per client address" + useNginx);
    }
    // Ten characters at most keep the product within a long; more are too many bytes anyway.
    if (maxBodySize() != null && maxBodySize().matches(SIZE)
        && (maxBodySize().length() > 10 || EnvoyConf.bytes(maxBodySize()) > Integer.MAX_VALUE)) {
      v.add("maxBodySize", "'" + maxBodySize() + "' is more than Envoy buffers (2 GiB)");
    }
  }

  /** nginx proxies plain HTTP to the nodes (WebSocket too, as an upgraded HTTP request). */
  private static void checkAddresses(Violations v, String field, List<URI> addresses) {
    for (URI u : addresses) {
      if (u == null || !"http".equals(u.getScheme()) || u.getHost() == null
          || u.getPath() != null && !u.getPath().isEmpty() && !u.getPath().equals("/") || u.getQuery() != null) {
        v.add(field, "'" + u + "' is not a plain http://host:port address");
      }
    }
    v.unique(field, addresses, String::valueOf);
  }
}
