package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.exposure.GatewayExposure;
import io.chainwright.api.exposure.RouteKind;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.NetworkGateway;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ports published through Gateway API: the routes, the network's own gateway, and what they reach. */
class GatewayRenderTest {
  private final KubernetesRendering rich = KubernetesBackend.create().render(RichNetwork.rich());

  private static <T extends HasMetadata> T find(KubernetesRendering r, Class<T> type, String name) {
    return r.objects().stream().filter(type::isInstance).map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(type.getSimpleName() + " " + name + " is not rendered"));
  }

  @Test
  void anHttpPortGetsAnHttpRouteToItsServiceOnTheListenerForItsHost() {
    HTTPRoute route = find(rich, HTTPRoute.class, "api-public");

    assertThat(route.getApiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
    assertThat(route.getMetadata().getNamespace()).isEqualTo("chain-prod");
    assertThat(route.getSpec().getParentRefs()).singleElement().satisfies(parent -> {
      assertThat(parent.getName()).isEqualTo("edge");
      assertThat(parent.getSectionName()).isEqualTo("api.example.org");
      assertThat(parent.getNamespace()).as("the network's own gateway is in its namespace").isNull();
    });
    assertThat(route.getSpec().getHostnames()).containsExactly("api.example.org");
    var rule = route.getSpec().getRules().get(0);
    assertThat(rule.getMatches().get(0).getPath().getType()).isEqualTo("PathPrefix");
    assertThat(rule.getMatches().get(0).getPath().getValue()).isEqualTo("/v1");
    assertThat(rule.getBackendRefs()).singleElement().satisfies(backend -> {
      assertThat(backend.getName()).isEqualTo("api");
      assertThat(backend.getPort()).isEqualTo(8443);
    });
    assertThat(rule.getTimeouts().getRequest()).isEqualTo("30s");
  }

  @Test
  void everyRouteReachesAPortTheWorkloadsServiceServes() {
    Service api = find(rich, Service.class, "api");
    List<Integer> served = api.getSpec().getPorts().stream().map(p -> p.getPort()).toList();

    assertThat(served).contains(8443, 9090, 7051);
    assertThat(find(rich, GRPCRoute.class, "api-grpc").getSpec().getRules().get(0).getBackendRefs())
        .singleElement().satisfies(b -> assertThat(b.getPort()).isEqualTo(9090));
    assertThat(find(rich, TLSRoute.class, "api-peer").getSpec().getRules().get(0).getBackendRefs())
        .singleElement().satisfies(b -> assertThat(b.getPort()).isEqualTo(7051));
  }

  @Test
  void aPlatformsGatewayInAnotherNamespaceIsNamedWithItsNamespaceAndListener() {
    TLSRoute peer = find(rich, TLSRoute.class, "api-peer");
    ParentReference parent = peer.getSpec().getParentRefs().get(0);

    assertThat(parent.getName()).isEqualTo("shared");
    assertThat(parent.getNamespace()).isEqualTo("gateway-system");
    assertThat(parent.getSectionName()).isEqualTo("tls-passthrough");
    assertThat(peer.getSpec().getHostnames()).containsExactly("peer.example.org");
    assertThat(rich.objects()).filteredOn(Gateway.class::isInstance).map(o -> o.getMetadata().getName())
        .as("a platform's gateway is referenced, never rendered").containsExactly("edge");
  }

  @Test
  void theNetworksOwnGatewayHasOneTlsListenerPerHostAndAcceptsOnlyItsOwnNamespace() {
    Gateway edge = find(rich, Gateway.class, "edge");

    assertThat(edge.getSpec().getGatewayClassName()).isEqualTo("eg");
    assertThat(edge.getMetadata().getAnnotations()).containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
    assertThat(edge.getSpec().getListeners()).extracting(Listener::getName)
        .containsExactly("http", "api.example.org", "grpc.example.org", "tcp-30303", "udp-30304");
    for (Listener l : edge.getSpec().getListeners().subList(1, 3)) {
      assertThat(l.getHostname()).isEqualTo(l.getName());
      assertThat(l.getPort()).isEqualTo(443);
      assertThat(l.getProtocol()).isEqualTo("HTTPS");
      assertThat(l.getTls().getMode()).isEqualTo("Terminate");
      assertThat(l.getTls().getCertificateRefs()).singleElement()
          .satisfies(ref -> assertThat(ref.getName()).isEqualTo("edge-" + l.getHostname() + "-tls"));
      assertThat(l.getAllowedRoutes().getNamespaces().getFrom()).isEqualTo("Same");
    }
  }

  @Test
  void plainHttpOnTheNetworksGatewayIsOnlyEverRedirectedToHttps() {
    Listener http = find(rich, Gateway.class, "edge").getSpec().getListeners().get(0);
    HTTPRoute redirect = find(rich, HTTPRoute.class, "edge-https-redirect");

    assertThat(http.getPort()).isEqualTo(80);
    assertThat(http.getProtocol()).isEqualTo("HTTP");
    assertThat(http.getAllowedRoutes().getNamespaces().getFrom()).isEqualTo("Same");
    assertThat(redirect.getSpec().getParentRefs()).singleElement().satisfies(p -> assertThat(p.getSectionName()).isEqualTo("http"));
    assertThat(redirect.getSpec().getRules()).singleElement().satisfies(rule -> {
      assertThat(rule.getBackendRefs()).as("nothing is served over plain HTTP").isEmpty();
      assertThat(rule.getFilters()).singleElement().satisfies(f -> {
        assertThat(f.getRequestRedirect().getScheme()).isEqualTo("https");
        assertThat(f.getRequestRedirect().getStatusCode()).isEqualTo(301);
      });
    });
    assertThat(rich.objects()).filteredOn(HTTPRoute.class::isInstance).map(HTTPRoute.class::cast)
        .filteredOn(r -> r.getSpec().getParentRefs().stream().anyMatch(p -> "http".equals(p.getSectionName())))
        .as("the only route on the plain listener").hasSize(1);
  }

  @Test
  void aPassedThroughHostOnTheNetworksGatewayGetsATlsListenerWithoutACertificate() {
    Workload peer = Workload.builder().name("peer")
        .addContainer(Container.builder().name("peer").image(Image.of("example/peer:1.0"))
            .addPort(Port.builder().name("grpc").number(7051).exposure(GatewayExposure.builder()
                .gateway("edge").host("peer.example.org").route(RouteKind.TLS_PASSTHROUGH).build()).build())
            .build())
        .build();
    Network network = Network.builder().name("fabric").addWorkload(peer)
        .addGateway(NetworkGateway.builder().name("edge").gatewayClass("eg").tlsIssuer("letsencrypt").build()).build();
    KubernetesRendering r = KubernetesBackend.create().render(network);

    assertThat(find(r, Gateway.class, "edge").getSpec().getListeners()).as("nothing to redirect when no TLS is ended").hasSize(1);
    Listener listener = find(r, Gateway.class, "edge").getSpec().getListeners().get(0);
    assertThat(listener.getProtocol()).isEqualTo("TLS");
    assertThat(listener.getTls().getMode()).isEqualTo("Passthrough");
    assertThat(listener.getTls().getCertificateRefs()).isEmpty();
    assertThat(find(r, TLSRoute.class, "peer-grpc").getSpec().getParentRefs().get(0).getSectionName()).isEqualTo("peer.example.org");
  }

  @Test
  void aGatewayExposureRendersNoIngressAndIsLetInByTheIsolationPolicy() {
    Workload rpc = Workload.builder().name("rpc")
        .addContainer(Container.builder().name("rpc").image(Image.of("example/rpc:1.0"))
            .addPort(Port.builder().name("http").number(8545).exposure(Exposure.gateway("public", "rpc.example.org")).build())
            .build())
        .build();
    Network network = Network.builder().name("rpc").addWorkload(rpc)
        .isolation(IsolationPolicy.denyAllExcept()).build();
    KubernetesRendering r = KubernetesBackend.create().render(network);

    assertThat(r.objects()).noneMatch(Ingress.class::isInstance);
    assertThat(find(r, HTTPRoute.class, "rpc-http").getSpec().getParentRefs()).extracting(ParentReference::getName)
        .containsExactly("public");
    assertThat(r.objects()).filteredOn(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
        .anySatisfy(np -> assertThat(np.getSpec().getIngress()).anySatisfy(rule ->
            assertThat(rule.getPorts()).anySatisfy(p -> assertThat(p.getPort().getStrVal()).isEqualTo("http"))));
  }

  @Test
  void tcpAndUdpPortsGetRoutesOnListenersOfTheirOwnPortWithNoHostName() {
    Gateway edge = find(rich, Gateway.class, "edge");
    Listener tcp = edge.getSpec().getListeners().stream().filter(l -> l.getName().equals("tcp-30303")).findFirst().orElseThrow();
    Listener udp = edge.getSpec().getListeners().stream().filter(l -> l.getName().equals("udp-30304")).findFirst().orElseThrow();
    TCPRoute p2p = find(rich, TCPRoute.class, "api-p2p");
    UDPRoute discovery = find(rich, UDPRoute.class, "api-discovery");

    assertThat(List.of(tcp.getProtocol(), udp.getProtocol())).containsExactly("TCP", "UDP");
    assertThat(List.of(tcp.getPort(), udp.getPort())).as("the port's own number, or the gateway port asked for").containsExactly(30303, 30304);
    assertThat(List.of(tcp, udp)).allSatisfy(l -> {
      assertThat(l.getHostname()).isNull();
      assertThat(l.getTls()).isNull();
      assertThat(l.getAllowedRoutes().getNamespaces().getFrom()).isEqualTo("Same");
    });
    assertThat(p2p.getApiVersion()).isEqualTo("gateway.networking.k8s.io/v1alpha2");
    assertThat(p2p.getSpec().getParentRefs()).singleElement().satisfies(p -> assertThat(p.getSectionName()).isEqualTo("tcp-30303"));
    assertThat(discovery.getSpec().getParentRefs()).singleElement().satisfies(p -> assertThat(p.getSectionName()).isEqualTo("udp-30304"));
    assertThat(p2p.getSpec().getRules().get(0).getBackendRefs()).singleElement()
        .satisfies(b -> assertThat(List.of(b.getName(), b.getPort())).containsExactly("api", 30303));
    assertThat(discovery.getSpec().getRules().get(0).getBackendRefs()).singleElement()
        .satisfies(b -> assertThat(List.of(b.getName(), b.getPort())).containsExactly("api", 30303));
  }

  @Test
  void apiKeysAndARateLimitBecomeEnvoyGatewayPoliciesOnTheRouteNamingTheSecretNotItsKeys() {
    GenericKubernetesResource keys = find(rich, GenericKubernetesResource.class, "api-public-api-keys");
    GenericKubernetesResource limit = find(rich, GenericKubernetesResource.class, "api-public-rate-limit");

    assertThat(List.of(keys.getKind(), limit.getKind())).containsExactly("SecurityPolicy", "BackendTrafficPolicy");
    assertThat(List.of(keys.getApiVersion(), limit.getApiVersion())).containsOnly("gateway.envoyproxy.io/v1alpha1");
    for (GenericKubernetesResource policy : List.of(keys, limit)) {
      assertThat(policy.<Object>get("spec", "targetRefs")).as(policy.getKind() + " attaches to the route").isEqualTo(
          List.of(Map.of("group", "gateway.networking.k8s.io", "kind", "HTTPRoute", "name", "api-public")));
    }
    assertThat(keys.<Object>get("spec", "apiKeyAuth", "credentialRefs")).isEqualTo(List.of(Map.of("name", "api-consumer-keys")));
    assertThat(keys.<Object>get("spec", "apiKeyAuth", "extractFrom")).isEqualTo(List.of(Map.of("headers", List.of("X-Api-Key"))));
    assertThat(keys.<Boolean>get("spec", "apiKeyAuth", "sanitize")).as("the nodes never see a key").isTrue();
    assertThat(limit.<Object>get("spec", "rateLimit", "local", "rules"))
        .isEqualTo(List.of(Map.of("limit", Map.of("requests", 200, "unit", "Second"))));
    assertThat(rich.objects()).filteredOn(GenericKubernetesResource.class::isInstance)
        .filteredOn(o -> o.getApiVersion().startsWith("gateway.envoyproxy.io")).as("only the port that asked has policies").hasSize(2);
  }
}
