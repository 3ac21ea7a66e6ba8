package io.chainwright.api.tenant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Network;
import io.chainwright.api.Violations;
import io.chainwright.api.policy.Flows;
import io.chainwright.api.policy.TrafficDirection;
import io.chainwright.api.policy.TrafficPeerKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The tenants of one platform, and their networks as the platform runs them: each network labelled
 * with its tenant, given its plan's quota, Pod Security {@code restricted}, default-deny isolation
 * that lets in only the platform's gateway proxies (on published ports) and monitoring (on metrics
 * ports), and its tenant's administrators. Building one checks every tenant and network, and
 * reports every problem at once: a namespace used twice, a network that asks for more than its
 * plan, a storage class its plan has no room in, a pod weaker than {@code restricted}.
 *
 * <pre>{@code
 * Tenancy tenancy = Tenancy.builder().platform(platform).addTenants(acme, globex).build();
 * tenancy.networks().forEach(network -> kubernetes.deploy(network));
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = Tenancy.class)
@JsonDeserialize(as = Tenancy.class)
abstract class AbstractTenancy {
  public abstract TenantPlatform platform();

  public abstract List<Tenant> tenants();

  /** Every tenant's networks, placed on the platform; made when first asked for, after the whole tenancy is checked. */
  @JsonIgnore
  @Value.Lazy
  public List<Network> networks() {
    List<Network> placed = new ArrayList<>();
    tenants().forEach(t -> t.networks().forEach(n -> placed.add(TenantPlacement.place(platform(), t, n))));
    return List.copyOf(placed);
  }

  /** The tenant that owns the network in {@code namespace}. */
  public Optional<Tenant> tenantOf(String namespace) {
    return tenants().stream().filter(t -> t.networks().stream().anyMatch(n -> n.namespace().equals(namespace))).findFirst();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    v.require("platform", platform());
    v.unique("tenants", tenants(), Tenant::name);
    Map<String, String> owners = new HashMap<>();
    for (Tenant t : tenants()) {
      for (Network n : t.networks()) {
        String other = owners.putIfAbsent(n.namespace(), t.name());
        if (other != null && !other.equals(t.name())) {
          v.in("tenants", t.name()).in("networks", n.name())
              .add("namespace", "'" + n.namespace() + "' belongs to tenant '" + other + "' already; a namespace has one tenant");
        }
        if (platform() != null) {
          TenantPlacement.check(v.in("tenants", t.name()).in("networks", n.name()), platform(), t, n);
        }
        checkIngressPeers(v.in("tenants", t.name()).in("networks", n.name()), t, n);
      }
    }
    v.throwIfAny();
  }

  /** A tenant's own isolation rules may let in its workloads, monitoring and namespaces of no other tenant; no address range. */
  private void checkIngressPeers(Violations v, Tenant tenant, Network network) {
    Flows.of(network).stream().filter(r -> r.direction() == TrafficDirection.INGRESS)
        .forEach(r -> {
          if (r.peer().kind() == TrafficPeerKind.CIDR) {
            v.in("isolation").add("rules", "into " + r.workload() + " from " + r.peer() + ": an address range may hold other tenants' pods");
          }
          if (r.peer().kind() == TrafficPeerKind.NAMESPACE) {
            tenantOf(r.peer().name()).filter(other -> !other.name().equals(tenant.name())).ifPresent(other ->
                v.in("isolation").add("rules", "into " + r.workload() + " from " + r.peer() + ": that is tenant '" + other.name() + "'"));
          }
        });
  }
}
