package io.chainwright.kubernetes.render;

import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.exposure.IngressExposure;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.Map;
import java.util.TreeMap;

/** Renders an ingress for one HTTP port, with TLS, cert-manager's annotation, and the nginx-compatible annotations its options need. */
final class IngressRenderer {
  static final String NGINX = "nginx.ingress.kubernetes.io/";

  private IngressRenderer() {}

  static void render(RenderContext ctx, Workload w, Port port, IngressExposure in) {
    String path = "workloads[" + w.name() + "].ports[" + port.name() + "]";
    String name = ctx.derivedName(path, w.name() + "-" + port.name());
    // With an issuer, cert-manager writes the certificate into this secret.
    String tlsSecret = in.tlsSecret().orElseGet(() -> ctx.derivedName(path, name + "-tls"));
    ctx.add(Tier.SERVICES, new IngressBuilder()
        .withMetadata(ctx.meta(name, Labels.workload(ctx.network(), w), annotations(in)))
        .withNewSpec()
        .withIngressClassName(in.effectiveClass())
        .addNewTl().withHosts(in.host()).withSecretName(tlsSecret).endTl()
        .addNewRule()
        .withHost(in.host())
        .withNewHttp()
        .addNewPath()
        .withPath(in.path())
        .withPathType("Prefix")
        .withNewBackend().withNewService().withName(w.name()).withNewPort().withName(port.name()).endPort().endService().endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build());
  }

  static Map<String, String> annotations(IngressExposure in) {
    Map<String, String> a = new TreeMap<>();
    in.tlsIssuer().ifPresent(issuer -> a.put("cert-manager.io/cluster-issuer", issuer));
    in.basicAuthSecret().ifPresent(secret -> {
      a.put(NGINX + "auth-type", "basic");
      a.put(NGINX + "auth-secret", secret);
      a.put(NGINX + "auth-realm", "Authentication required");
    });
    in.rateLimitPerSecond().ifPresent(rps -> a.put(NGINX + "limit-rps", Integer.toString(rps)));
    in.maxBodySize().ifPresent(size -> a.put(NGINX + "proxy-body-size", size));
    in.timeoutSeconds().ifPresent(t -> {
      a.put(NGINX + "proxy-read-timeout", Integer.toString(t));
      a.put(NGINX + "proxy-send-timeout", Integer.toString(t));
    });
    return a;
  }
}
