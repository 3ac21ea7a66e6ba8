package io.chainwright.api.tenant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Network;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A customer of the platform: a plan, a contact, the groups of its administrators, and the networks
 * it owns, each in a namespace of its own. {@link Tenancy} places its networks on the platform.
 *
 * <pre>{@code
 * Tenant acme = Tenant.builder().name("acme").plan(starter).owner("ops@acme.example")
 *     .addAdminGroups("acme-admins").addNetworks(acmeRpc).build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = Tenant.class)
@JsonDeserialize(as = Tenant.class)
abstract class AbstractTenant {
  public abstract String name();

  public abstract TenantPlan plan();

  /** Who to contact about the tenant, e.g. an e-mail address. */
  public abstract String owner();

  /** The groups whose members operate the tenant's networks. */
  public abstract List<String> adminGroups();

  /** Labels on every object of the tenant's networks, e.g. a cost centre. */
  public abstract Map<String, String> labels();

  public abstract List<Network> networks();

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("tenants", name());
    v.label("name", name());
    v.require("plan", plan());
    if (v.require("owner", owner()) && owner().isBlank()) {
      v.add("owner", "say who to contact about the tenant");
    }
    if (adminGroups().isEmpty()) {
      v.add("adminGroups", "name the group of the tenant's administrators");
    }
    v.labels("labels", labels());
    v.unique("networks", networks(), Network::namespace);
    v.throwIfAny();
  }
}
