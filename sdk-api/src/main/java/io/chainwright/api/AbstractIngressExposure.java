package io.chainwright.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An HTTP port published through an ingress at a host name, with TLS, optional basic auth and a
 * per-client rate limit.
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

  /** The ingress class to use, when the cluster has several. */
  public abstract Optional<String> ingressClass();

  @Override
  public boolean leavesNetwork() {
    return true;
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
    v.throwIfAny();
  }
}
