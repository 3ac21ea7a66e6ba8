package io.chainwright.api.tenant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What the platform shares with its tenants: the Gateway API gateway their ports are published
 * through, the namespace its proxies run in (the only place published ports are reached from), and
 * the labels its Prometheus picks up rules by.
 */
@Value.Immutable
@JsonSerialize(as = TenantPlatform.class)
@JsonDeserialize(as = TenantPlatform.class)
abstract class AbstractTenantPlatform {
  /** The shared {@code Gateway}'s name. */
  public abstract String gateway();

  /** The shared {@code Gateway}'s namespace. */
  public abstract String gatewayNamespace();

  /** The namespace the gateway's proxies run in, when not the gateway's own (as with Envoy Gateway). */
  @Value.Default
  public String proxyNamespace() {
    return gatewayNamespace();
  }

  /** Labels the platform's Prometheus selects rule and scrape objects by, e.g. {@code release: prometheus}. */
  public abstract Map<String, String> monitoringLabels();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("platform");
    v.subdomain("gateway", gateway());
    v.label("gatewayNamespace", gatewayNamespace());
    v.label("proxyNamespace", proxyNamespace());
    v.labels("monitoringLabels", monitoringLabels());
    v.throwIfAny();
  }
}
