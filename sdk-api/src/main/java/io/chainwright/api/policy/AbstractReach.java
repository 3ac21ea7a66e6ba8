package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * A connection a workload opens that its configuration does not show as a {@code workload:port}
 * address: peers on the internet, an endpoint whose URL is kept in a secret, a database named in a
 * config file by host and port apart. Isolation lets it out, and lets it into a workload of the
 * network on the other side.
 *
 * <pre>{@code
 * Reach.outside()                                   // P2P peers, anywhere, any port
 * Reach.workload("postgres", "postgres")            // a port of a workload of the network, by name
 * Reach.url(URI.create("https://rpc.example.org"))  // that host, on 443
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = Reach.class)
@JsonDeserialize(as = Reach.class)
abstract class AbstractReach {
  /** Every IPv4 address: peers that listen wherever they like. */
  static final String ANYWHERE = "0.0.0.0/0";

  AbstractReach() {}

  @Value.Parameter
  public abstract TrafficPeer peer();

  /** The peer's port names (a workload's) or numbers; empty reaches every port. */
  @Value.Parameter
  public abstract List<String> ports();

  /**
   * Ports of a workload of the same network, by name or number, or of another network's in the same
   * namespace; every port when none is given.
   */
  public static Reach workload(String name, String... ports) {
    return Reach.of(TrafficPeer.workload(name), List.of(ports));
  }

  /** Pods of another namespace, on port numbers; every port when none is given. */
  public static Reach namespace(String name, String... ports) {
    return Reach.of(TrafficPeer.namespace(name), List.of(ports));
  }

  /** Any address, on port numbers; every port when none is given. */
  public static Reach outside(String... ports) {
    return Reach.of(TrafficPeer.cidr(ANYWHERE), List.of(ports));
  }

  /** A host outside the cluster by its DNS name, on port numbers; every port when none is given. */
  public static Reach host(String name, String... ports) {
    return Reach.of(TrafficPeer.host(name), List.of(ports));
  }

  /**
   * Where {@code url} points: a workload of the namespace for a bare host name, another namespace's
   * pods for a service address {@code name.namespace.svc[.cluster.local]}, an outside host by its
   * name, or any address for an IP; on the URL's port, or its scheme's.
   */
  public static Reach url(URI url) {
    String host = url.getHost();
    if (host == null) {
      throw new IllegalArgumentException("no host in " + url);
    }
    String port = String.valueOf(url.getPort() > 0 ? url.getPort() : defaultPort(url.getScheme()));
    String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
    boolean address = host.matches("[0-9.]+") || host.contains(":");
    if (!address && labels.length == 1) {
      return workload(labels[0], port);
    }
    if (!address && labels.length >= 3 && labels[2].equals("svc")) {
      return namespace(labels[1], port);
    }
    return address ? outside(port) : host(host.toLowerCase(Locale.ROOT), port);
  }

  private static int defaultPort(String scheme) {
    return switch (scheme == null ? "" : scheme.toLowerCase(Locale.ROOT)) {
      case "https", "wss" -> 443;
      case "http", "ws" -> 80;
      default -> throw new IllegalArgumentException("give a port: no default port for scheme '" + scheme + "'");
    };
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("reaches", String.valueOf(peer()));
    v.require("peer", peer());
    if (peer() != null && peer().kind() == TrafficPeerKind.MONITORING) {
      v.add("peer", "nothing reaches out to monitoring; it scrapes the workload");
    }
    v.throwIfAny();
  }
}
