package io.chainwright.api.exposure;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An HTTP port published through an {@code Ingress} at a host name, with TLS, for a named ingress
 * controller. On an nginx-compatible controller it also takes basic auth, a per-client rate limit,
 * a body size cap and a timeout; other controllers refuse those rather than ignore them. Gateway API
 * ({@link GatewayExposure}) is the default way to publish a port; an ingress is the choice for
 * clusters that still run an ingress controller.
 */
@Value.Immutable
@JsonSerialize(as = IngressExposure.class)
@JsonDeserialize(builder = IngressExposure.Builder.class)
abstract sealed class AbstractIngressExposure implements Exposure permits IngressExposure {
  /** The public host name, e.g. {@code rpc.example.org}. */
  public abstract String host();

  @Value.Default
  public String path() {
    return "/";
  }

  /** A secret holding the TLS certificate and key ({@code tls.crt}, {@code tls.key}). */
  public abstract Optional<String> tlsSecret();

  /** A certificate issuer that creates the TLS certificate, e.g. a cert-manager ClusterIssuer. */
  public abstract Optional<String> tlsIssuer();

  /** A secret holding an htpasswd {@code auth} entry; requests without it are refused. */
  public abstract Optional<String> basicAuthSecret();

  /** Requests per second allowed from one client. */
  public abstract Optional<Integer> rateLimitPerSecond();

  /** Largest request body accepted, e.g. {@code 1m}. */
  public abstract Optional<String> maxBodySize();

  /** How long the backend may take to answer. */
  public abstract Optional<Integer> timeoutSeconds();

  /** The controller the ingress is written for. */
  public abstract IngressController controller();

  /** The {@code IngressClass} to use, when it is not the controller's default one. */
  public abstract Optional<String> ingressClass();

  /** The class written on the ingress: the one given, or the controller's default. */
  public String effectiveClass() {
    return ingressClass().orElseGet(() -> controller().defaultClass());
  }

  @Override
  public boolean leavesNetwork() {
    return true;
  }

  @Override
  public Optional<String> publicHost() {
    return Optional.of(host());
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("exposure");
    v.subdomain("host", host());
    v.httpPath("path", path());
    if (tlsSecret().isPresent() && tlsIssuer().isPresent()) {
      v.add("tlsIssuer", "choose either a TLS secret or an issuer, not both");
    }
    if (tlsSecret().isEmpty() && tlsIssuer().isEmpty()) {
      v.add("tlsSecret", "an ingress needs TLS: give a TLS secret or an issuer");
    }
    tlsSecret().ifPresent(s -> v.subdomain("tlsSecret", s));
    basicAuthSecret().ifPresent(s -> v.subdomain("basicAuthSecret", s));
    rateLimitPerSecond().ifPresent(r -> v.range("rateLimitPerSecond", r, 1, 1_000_000, "a rate limit"));
    timeoutSeconds().ifPresent(t -> v.range("timeoutSeconds", t, 1, 86_400, "a timeout in seconds"));
    v.quantity("maxBodySize", maxBodySize());
    ingressClass().ifPresent(c -> v.subdomain("ingressClass", c));
    if (v.require("controller", controller()) && !controller().readsNginxAnnotations()) {
      String why = " is not rendered for the " + controller() + " controller, which takes it from objects of its own;"
          + " choose an nginx-compatible controller, or leave it out";
      basicAuthSecret().ifPresent(s -> v.add("basicAuthSecret", "basic auth" + why));
      rateLimitPerSecond().ifPresent(r -> v.add("rateLimitPerSecond", "a rate limit" + why));
      maxBodySize().ifPresent(m -> v.add("maxBodySize", "a body size limit" + why));
      timeoutSeconds().ifPresent(t -> v.add("timeoutSeconds", "a timeout" + why));
    }
    v.throwIfAny();
  }
}
