package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Network;
import io.chainwright.api.NetworkPart;
import io.chainwright.api.Violations;
import io.chainwright.api.material.Materials;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Gateway API {@code Gateway} the network brings itself, for clusters without a shared one. Its
 * listeners are not described here: each {@link io.chainwright.api.exposure.GatewayExposure} that names it
 * gets one on port 443 for its host, ending TLS with a certificate from the issuer or the secret,
 * or passing TLS through. Only routes of the network's own namespace may attach.
 *
 * <pre>{@code
 * NetworkGateway.builder().name("edge").gatewayClass("cilium").tlsIssuer("letsencrypt").build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = NetworkGateway.class)
@JsonDeserialize(as = NetworkGateway.class)
abstract class AbstractNetworkGateway implements NetworkPart {
  public abstract String name();

  /** The {@code GatewayClass} of the cluster's gateway implementation, e.g. {@code cilium} or {@code eg}. */
  public abstract String gatewayClass();

  /** A cert-manager {@code ClusterIssuer} that issues each listener's certificate. */
  public abstract Optional<String> tlsIssuer();

  /** A secret of the network holding one certificate ({@code tls.crt}, {@code tls.key}) for every host. */
  public abstract Optional<String> tlsSecret();

  /**
   * Whether plain HTTP on port 80 is answered with a permanent redirect to HTTPS, for the hosts whose
   * TLS the gateway ends; nothing is served over plain HTTP either way.
   */
  @Value.Default
  public boolean redirectHttp() {
    return true;
  }

  @Override
  public Network.Builder addTo(Network.Builder network, Materials materials) {
    return network.addGateway((NetworkGateway) this);
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("gateways", name());
    v.subdomain("name", name());
    v.subdomain("gatewayClass", gatewayClass());
    tlsIssuer().ifPresent(i -> v.subdomain("tlsIssuer", i));
    tlsSecret().ifPresent(s -> v.subdomain("tlsSecret", s));
    if (tlsIssuer().isPresent() == tlsSecret().isPresent()) {
      v.add("tlsIssuer", "give either a TLS issuer or a TLS secret, exactly one");
    }
    v.throwIfAny();
  }
}
