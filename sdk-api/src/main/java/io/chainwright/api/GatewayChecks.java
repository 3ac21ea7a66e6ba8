package io.chainwright.api;

import io.chainwright.api.policy.NetworkGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The checks on Gateway API exposure that need the whole network: each host on a gateway carries one
 * kind of route, HTTP paths do not repeat, and every gateway the network brings is used and has its
 * TLS secret.
 */
final class GatewayChecks {
  /** One port routed through a gateway, with the path to report it at. */
  private record Routed(Violations at, GatewayExposure exposure) {}

  private final Network network;
  private final Violations v;
  private final BiConsumer<Violations, String> secretExists;

  GatewayChecks(Network network, Violations v, BiConsumer<Violations, String> secretExists) {
    this.network = network;
    this.v = v;
    this.secretExists = secretExists;
  }

  void run() {
    v.unique("gateways", network.gateways(), NetworkGateway::name);
    Map<String, List<Routed>> byHost = new LinkedHashMap<>();
    for (Workload w : network.workloads()) {
      for (Container c : w.allContainers()) {
        for (Port p : c.ports()) {
          if (p.exposure() instanceof GatewayExposure gw) {
            Violations at = v.in("workloads", w.name()).in("containers", c.name()).in("ports", p.name()).in("exposure");
            if (network.ownGateway(gw).isPresent() && gw.listener().isPresent()) {
              at.add("listener", "the network's own gateway '" + gw.gateway() + "' has one listener per host, chosen by the host;"
                  + " leave the listener out");
            }
            String gateway = gw.gatewayNamespace().orElse(network.namespace()) + "/" + gw.gateway();
            byHost.computeIfAbsent(gateway + " " + gw.host(), k -> new ArrayList<>()).add(new Routed(at, gw));
          }
        }
      }
    }
    byHost.values().forEach(GatewayChecks::checkOneKindPerHost);
    for (NetworkGateway g : network.gateways()) {
      Violations at = v.in("gateways", g.name());
      boolean used = byHost.values().stream().flatMap(List::stream)
          .anyMatch(r -> network.ownGateway(r.exposure()).filter(g::equals).isPresent());
      if (!used) {
        at.add("no port is exposed through it; expose one with GatewayExposure naming '" + g.name() + "', or remove it");
      }
      g.tlsSecret().ifPresent(s -> secretExists.accept(at.in("tlsSecret"), s));
    }
  }

  /**
   * A host on one gateway is served either by HTTP routes with distinct paths, or by one gRPC route,
   * or passed through to one port: gateways settle any other mix by rules a reader would not guess.
   */
  private static void checkOneKindPerHost(List<Routed> routes) {
    GatewayExposure first = routes.get(0).exposure();
    List<String> paths = new ArrayList<>();
    for (Routed r : routes.subList(1, routes.size())) {
      GatewayExposure e = r.exposure();
      if (e.route() != first.route()) {
        r.at().add("route", "host '" + e.host() + "' on gateway '" + e.gateway() + "' already carries a " + first.route()
            + " route; one host takes one kind of route");
      } else if (e.route() != RouteKind.HTTP) {
        r.at().add("host", "host '" + e.host() + "' on gateway '" + e.gateway() + "' already carries a " + e.route()
            + " route to another port");
      }
    }
    for (Routed r : routes) {
      if (r.exposure().route() == RouteKind.HTTP) {
        if (paths.contains(r.exposure().path())) {
          r.at().add("path", "'" + r.exposure().host() + r.exposure().path() + "' is routed to another port already");
        }
        paths.add(r.exposure().path());
      }
    }
  }
}
