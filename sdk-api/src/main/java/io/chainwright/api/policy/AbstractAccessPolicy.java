package io.chainwright.api.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.List;
import org.immutables.value.Value;

/**
 * Who may operate the network on the platform: the groups of its administrators, who see its
 * workloads, their logs and events, and may restart pods, in the network's namespace only. They do
 * not read its secrets, which the platform manages.
 */
@Value.Immutable
@JsonSerialize(as = AccessPolicy.class)
@JsonDeserialize(as = AccessPolicy.class)
abstract class AbstractAccessPolicy {
  /** Group names as the cluster's identity provider gives them, e.g. {@code acme-admins}. */
  public abstract List<String> adminGroups();

  public static AccessPolicy admins(String... groups) {
    return AccessPolicy.builder().addAdminGroups(groups).build();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("access");
    if (adminGroups().isEmpty()) {
      v.add("adminGroups", "name at least one group");
    }
    adminGroups().stream().filter(g -> g == null || g.isBlank() || g.contains(":") && g.startsWith("system:"))
        .forEach(g -> v.add("adminGroups", "'" + g + "' is not a group this policy may grant (blank, or a system: group)"));
    v.unique("adminGroups", adminGroups(), String::valueOf);
    v.throwIfAny();
  }
}
