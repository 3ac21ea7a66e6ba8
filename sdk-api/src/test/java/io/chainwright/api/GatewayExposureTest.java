package io.chainwright.api;

import static io.chainwright.api.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.exposure.GatewayController;
import io.chainwright.api.exposure.GatewayExposure;
import io.chainwright.api.exposure.IngressController;
import io.chainwright.api.exposure.IngressExposure;
import io.chainwright.api.exposure.RouteKind;
import io.chainwright.api.policy.NetworkGateway;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Publishing at a host name through Gateway API, and the ingress that stays for those who choose it. */
class GatewayExposureTest {
  private static final NetworkGateway EDGE = NetworkGateway.builder().name("edge").gatewayClass("eg").tlsIssuer("letsencrypt").build();

  private static List<String> violations(Executable build) {
    return assertThrows(ValidationException.class, build).violations().stream().map(Violation::toString).toList();
  }

  private static Port port(String name, int number, GatewayExposure exposure) {
    return Port.builder().name(name).number(number).exposure(exposure).build();
  }

  private static GatewayExposure.Builder on(String gateway, String host) {
    return GatewayExposure.builder().gateway(gateway).host(host);
  }

  @Test
  void optionsOnlyHttpRoutesHaveAreRefusedOnOtherRoutes() {
    assertThat(violations(() -> on("edge", "peer.example.org").route(RouteKind.TLS_PASSTHROUGH).path("/v1").timeoutSeconds(5).build()))
        .containsExactlyInAnyOrder(
            "exposure.path: a TLS_PASSTHROUGH route takes the whole host; only HTTP routes match a path",
            "exposure.timeoutSeconds: Gateway API sets request timeouts on HTTP routes only, not on a TLS_PASSTHROUGH route");
  }

  @Test
  void namesAreCheckedNotRewritten() {
    assertThat(violations(() -> on("Edge_GW", "RPC.example.org").gatewayNamespace("gateway.system").path("rpc").build()))
        .hasSize(4).allSatisfy(v -> assertThat(v).startsWith("exposure."))
        .anySatisfy(v -> assertThat(v).startsWith("exposure.gateway:"))
        .anySatisfy(v -> assertThat(v).startsWith("exposure.gatewayNamespace:"))
        .anySatisfy(v -> assertThat(v).startsWith("exposure.host:"))
        .anySatisfy(v -> assertThat(v).startsWith("exposure.path:"));
  }

  @Test
  void theHostIsWhatCallersNameSoNodesCanAllowIt() {
    assertThat(Exposure.gateway("edge", "rpc.example.org").publicHost()).contains("rpc.example.org");
    assertThat(Exposure.loadBalancer().publicHost()).isEmpty();
  }

  @Test
  void oneHostOnOneGatewayTakesOneKindOfRouteAndEachPathOnce() {
    Workload w = Workload.builder().name("api").addContainer(Container.builder().name("api").image(Image.of("example/api:1.0"))
        .addPort(port("http", 8080, on("edge", "api.example.org").build()))
        .addPort(port("admin", 8081, on("edge", "api.example.org").build()))
        .addPort(port("grpc", 9090, on("edge", "api.example.org").route(RouteKind.GRPC).build()))
        // Another gateway may route the same host: it is another listener, on another address.
        .addPort(port("alt", 8082, on("other", "api.example.org").route(RouteKind.GRPC).build()))
        .build()).build();

    assertThat(violations(() -> Network.builder().name("n").addWorkload(w).addGateway(EDGE).build())).containsExactlyInAnyOrder(
        "workloads[api].containers[api].ports[admin].exposure.path: 'api.example.org/' is routed to another port already",
        "workloads[api].containers[api].ports[grpc].exposure.route: host 'api.example.org' on gateway 'edge' already carries"
            + " a HTTP route; one host takes one kind of route");
  }

  @Test
  void theNetworksOwnGatewayMustBeUsedChoosesItsListenersAndHasItsSecret() {
    NetworkGateway unused = NetworkGateway.builder().name("spare").gatewayClass("eg").tlsSecret("spare-tls").build();
    Workload w = workload("rpc", port("rpc", 8545, on("edge", "rpc.example.org").listener("https").build()));

    assertThat(violations(() -> Network.builder().name("n").addWorkload(w).addGateways(EDGE, unused).build()))
        .containsExactlyInAnyOrder(
            "workloads[rpc].containers[rpc].ports[rpc].exposure.listener: the network's own gateway 'edge' has one listener per"
                + " host, chosen by the host; leave the listener out",
            "gateways[spare]: no port is exposed through it; expose one with GatewayExposure naming 'spare', or remove it",
            "gateways[spare].tlsSecret: 'spare-tls' is not a secret of this network (declare it, or Secret.provided(\"spare-tls\"))");
  }

  @Test
  void aGatewayOfTheSameNameInAnotherNamespaceIsThePlatformsNotTheNetworks() {
    GatewayExposure shared = on("edge", "rpc.example.org").gatewayNamespace("gateway-system").listener("https").build();
    Network network = Network.builder().name("n").addWorkload(workload("rpc", port("rpc", 8545, shared)))
        .addWorkload(workload("api", port("api", 8080, on("edge", "api.example.org").build())))
        .addGateway(EDGE).build();

    assertThat(network.ownGateway(shared)).isEmpty();
    assertThat(network.ownGateway(on("edge", "api.example.org").build())).contains(EDGE);
  }

  @Test
  void aNetworkGatewayTakesExactlyOneSourceOfCertificates() {
    assertThat(violations(() -> NetworkGateway.builder().name("edge").gatewayClass("eg").build()))
        .containsExactly("gateways[edge].tlsIssuer: give either a TLS issuer or a TLS secret, exactly one");
    assertThat(violations(() -> NetworkGateway.builder().name("edge").gatewayClass("eg").tlsIssuer("a").tlsSecret("b").build()))
        .containsExactly("gateways[edge].tlsIssuer: give either a TLS issuer or a TLS secret, exactly one");
  }

  @Test
  void anIngressForAControllerThatCannotTakeAnOptionSaysSoForEachOne() {
    assertThat(violations(() -> IngressExposure.builder().host("rpc.example.org").tlsIssuer("letsencrypt")
        .controller(IngressController.TRAEFIK).basicAuthSecret("users").rateLimitPerSecond(10).maxBodySize("1m").timeoutSeconds(30)
        .build()))
        .hasSize(4)
        .allSatisfy(v -> assertThat(v).contains("is not rendered for the TRAEFIK controller"))
        .anySatisfy(v -> assertThat(v).startsWith("exposure.basicAuthSecret:"))
        .anySatisfy(v -> assertThat(v).startsWith("exposure.rateLimitPerSecond:"))
        .anySatisfy(v -> assertThat(v).startsWith("exposure.maxBodySize:"))
        .anySatisfy(v -> assertThat(v).startsWith("exposure.timeoutSeconds:"));
  }

  @Test
  void anIngressNamesItsControllerAndUsesItsClassUnlessToldOtherwise() {
    IngressExposure.Builder b = IngressExposure.builder().host("rpc.example.org").tlsIssuer("letsencrypt");
    assertThat(violations(b::build)).containsExactly("exposure.controller: is required");
    assertThat(b.controller(IngressController.KONG).build().effectiveClass()).isEqualTo("kong");
    assertThat(b.ingressClass("kong-public").build().effectiveClass()).isEqualTo("kong-public");
  }

  @Test
  void aGatewayExposureRoundTripsThroughYaml() {
    Network network = Network.builder().name("n")
        .addWorkload(workload("rpc", port("rpc", 8545, on("edge", "rpc.example.org").path("/v1").timeoutSeconds(20).build())))
        .addGateway(EDGE).build();

    assertThat(ModelMapper.fromYaml(ModelMapper.toYaml(network), Network.class)).isEqualTo(network);
  }

  @Test
  void tcpAndUdpRoutesEachTakeAGatewayPortOfTheirOwnAndMatchTheirPortsProtocol() {
    Workload w = Workload.builder().name("node").addContainer(Container.builder().name("node").image(Image.of("example/node:1.0"))
        .addPort(port("p2p", 30303, on("edge", "p2p.example.org").route(RouteKind.TCP).build()))
        .addPort(Port.builder().name("discovery").number(30303).protocol(Protocol.UDP)
            .exposure(on("edge", "p2p.example.org").route(RouteKind.UDP).build()).build())
        .addPort(port("p2p2", 30304, on("edge", "p2p.example.org").route(RouteKind.TCP).gatewayPort(30303).build()))
        .addPort(port("web", 8443, on("edge", "p2p.example.org").route(RouteKind.TCP).gatewayPort(443).build()))
        .addPort(port("quic", 9000, on("edge", "p2p.example.org").route(RouteKind.UDP).build()))
        .addPort(port("shared", 9001, on("public", "p2p.example.org").gatewayNamespace("gateway-system").route(RouteKind.TCP)
            .gatewayPort(9001).build()))
        .build()).build();

    assertThat(violations(() -> Network.builder().name("n").addWorkload(w).addGateway(EDGE).build())).containsExactlyInAnyOrder(
        "workloads[node].containers[node].ports[p2p2].exposure.gatewayPort: TCP port 30303 of gateway 'edge' is taken by another"
            + " route already",
        "workloads[node].containers[node].ports[web].exposure.gatewayPort: port 443 of gateway 'edge' serves HTTP and TLS routes;"
            + " choose another",
        "workloads[node].containers[node].ports[quic].exposure.route: a UDP route cannot carry TCP port 9000",
        "workloads[node].containers[node].ports[shared].exposure.listener: a TCP route on the platform's gateway 'public' must name"
            + " the listener (the gateway port) it attaches to",
        "workloads[node].containers[node].ports[shared].exposure.gatewayPort: the platform's gateway 'public' sets its own ports;"
            + " name its listener instead");
  }

  @Test
  void aUdpPortNeedsAUdpRouteAndOnlyTcpAndUdpRoutesTakeAGatewayPort() {
    Port discovery = Port.builder().name("discovery").number(30303).protocol(Protocol.UDP)
        .exposure(on("edge", "p2p.example.org").build()).build();

    assertThat(violations(() -> Network.builder().name("n").addWorkload(workload("node", discovery)).addGateway(EDGE).build()))
        .containsExactly("workloads[node].containers[node].ports[discovery].exposure.route: a HTTP route cannot carry UDP port 30303;"
            + " use RouteKind.UDP");
    assertThat(violations(() -> on("edge", "rpc.example.org").gatewayPort(8545).build()))
        .containsExactly("exposure.gatewayPort: a HTTP route shares the gateway's port 443 by host; only TCP and UDP routes take a port"
            + " of their own");
  }

  @Test
  void apiKeysAndRateLimitsNeedAControllerThatRendersThemAnHttpRouteAndAnExistingSecret() {
    assertThat(violations(() -> on("public", "rpc.example.org").apiKeysSecret("keys").rateLimitPerSecond(0).build())).containsExactly(
        "exposure.apiKeysSecret: Gateway API has no standard form for API keys or rate limits; name the gateway's controller"
            + " (GatewayController.ENVOY_GATEWAY renders them)",
        "exposure.rateLimitPerSecond: 0 is not a rate (1-1000000)");
    assertThat(violations(() -> on("public", "peer.example.org").controller(GatewayController.ENVOY_GATEWAY)
        .route(RouteKind.TLS_PASSTHROUGH).rateLimitPerSecond(10).build())).containsExactly(
        "exposure.rateLimitPerSecond: API keys and rate limits apply to HTTP routes; a TLS_PASSTHROUGH route carries no requests"
            + " the gateway reads");
    GatewayExposure keyed = on("edge", "rpc.example.org").controller(GatewayController.ENVOY_GATEWAY).apiKeysSecret("keys").build();
    assertThat(violations(() -> Network.builder().name("n").addWorkload(workload("rpc", port("rpc", 8545, keyed))).addGateway(EDGE).build()))
        .containsExactly("workloads[rpc].containers[rpc].ports[rpc].exposure.apiKeysSecret: 'keys' is not a secret of this network"
            + " (declare it, or Secret.provided(\"keys\"))");
  }
}
