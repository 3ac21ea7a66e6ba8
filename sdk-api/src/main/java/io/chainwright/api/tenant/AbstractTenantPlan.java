package io.chainwright.api.tenant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import io.chainwright.api.policy.TenantQuota;
import org.immutables.value.Value;

/**
 * A named preset a platform offers its tenants, e.g. {@code starter} or {@code dedicated}: the quota
 * each of a tenant's namespaces gets, with container defaults.
 *
 * <pre>{@code
 * TenantPlan starter = TenantPlan.of("starter", TenantQuota.builder().cpu("8").memory("32Gi").storage("2Ti").build());
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = TenantPlan.class)
@JsonDeserialize(as = TenantPlan.class)
abstract class AbstractTenantPlan {
  @Value.Parameter
  public abstract String name();

  @Value.Parameter
  public abstract TenantQuota quota();

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("plan");
    v.label("name", name());
    v.require("quota", quota());
    v.throwIfAny();
  }
}
