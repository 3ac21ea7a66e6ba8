package io.chainwright.api;

import io.chainwright.api.exposure.GatewayExposure;
import io.chainwright.api.exposure.RouteKind;
import io.chainwright.api.policy.NetworkGateway;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The checks on Gateway API exposure that need the whole network: each host on a gateway carries one
 * kind of route, HTTP paths do not repeat, TCP and UDP routes each have a gateway port of their own
 * and match their port's protocol, and every gateway the network brings is used and has its TLS
 * secret.
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
    Set<String> byPort = new HashSet<>();
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
            checkProtocol(at, p, gw);
            gw.apiKeysSecret().ifPresent(secret -> secretExists.accept(at.in("apiKeysSecret"), secret));
            if (gw.route().byPort()) {
              checkGatewayPort(at, p, gw, gateway, byPort);
            } else {
              byHost.computeIfAbsent(gateway + " " + gw.host(), k -> new ArrayList<>()).add(new Routed(at, gw));
            }
          }
        }
      }
    }
    byHost.values().forEach(GatewayChecks::checkOneKindPerHost);
    for (NetworkGateway g : network.gateways()) {
      Violations at = v.in("gateways", g.name());
      boolean used = network.workloads().stream().flatMap(w -> w.allContainers().stream()).flatMap(c -> c.ports().stream())
          .anyMatch(p -> p.exposure() instanceof GatewayExposure gw && network.ownGateway(gw).filter(g::equals).isPresent());
      if (!used) {
        at.add("no port is exposed through it; expose one with GatewayExposure naming '" + g.name() + "', or remove it");
      }
      g.tlsSecret().ifPresent(s -> secretExists.accept(at.in("tlsSecret"), s));
    }
  }

  /** A UDP port takes a UDP route only, and a TCP port any other kind. */
  private static void checkProtocol(Violations at, Port p, GatewayExposure gw) {
    if ((gw.route() == RouteKind.UDP) != (p.protocol() == Protocol.UDP)) {
      at.add("route", "a " + gw.route() + " route cannot carry " + p.protocol() + " port " + p.number()
          + (p.protocol() == Protocol.UDP ? "; use RouteKind.UDP" : ""));
    }
  }

  /**
   * A TCP or UDP route is told apart by the gateway port alone: on the network's own gateway each
   * takes a port no other listener has (80 and 443 serve HTTP there); on a platform's gateway it
   * names the listener to attach to, or it would attach to every listener of its protocol.
   */
  private void checkGatewayPort(Violations at, Port p, GatewayExposure gw, String gateway, Set<String> taken) {
    if (network.ownGateway(gw).isEmpty()) {
      if (gw.listener().isEmpty()) {
        at.add("listener", "a " + gw.route() + " route on the platform's gateway '" + gw.gateway()
            + "' must name the listener (the gateway port) it attaches to");
      }
      if (gw.gatewayPort().isPresent()) {
        at.add("gatewayPort", "the platform's gateway '" + gw.gateway() + "' sets its own ports; name its listener instead");
      }
      return;
    }
    int port = gw.gatewayPortFor(p.number());
    if (gw.route() == RouteKind.TCP && (port == 80 || port == 443)) {
      at.add("gatewayPort", "port " + port + " of gateway '" + gw.gateway() + "' serves HTTP and TLS routes; choose another");
    }
    if (!taken.add(gateway + " " + gw.route() + " " + port)) {
      at.add("gatewayPort", gw.route() + " port " + port + " of gateway '" + gw.gateway() + "' is taken by another route already");
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
