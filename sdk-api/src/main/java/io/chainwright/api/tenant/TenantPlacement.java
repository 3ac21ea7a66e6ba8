package io.chainwright.api.tenant;

import io.chainwright.api.Container;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.SecurityLevel;
import io.chainwright.api.Violations;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.exposure.GatewayExposure;
import io.chainwright.api.policy.AccessPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.api.policy.QuotaFit;
import io.chainwright.api.policy.TrafficPeer;
import java.util.List;

/** Places one tenant's network on the platform, and checks that it fits there. */
final class TenantPlacement {
  static final String OWNER = OwnershipLabels.PREFIX + "owner";

  private TenantPlacement() {}

  static Network place(TenantPlatform platform, Tenant tenant, Network network) {
    IsolationPolicy isolation = IsolationPolicy.builder().from(network.isolation())
        .publishedFrom(List.of(TrafficPeer.namespace(platform.proxyNamespace()))).build();
    MonitoringPolicy monitoring = network.monitoring()
        .orElseGet(() -> MonitoringPolicy.builder().putAllLabels(platform.monitoringLabels()).build());
    return Network.builder().from(network)
        .monitoring(MonitoringPolicy.builder().from(monitoring).addAllAlerts(QuotaAlerts.of(tenant, network.namespace())).build())
        .putAllLabels(tenant.labels())
        .putLabel(OwnershipLabels.TENANT, tenant.name())
        .putAnnotation(OWNER, tenant.owner())
        .quota(tenant.plan().quota())
        .access(AccessPolicy.builder().addAllAdminGroups(tenant.adminGroups()).build())
        .isolation(isolation)
        .build();
  }

  static void check(Violations v, TenantPlatform platform, Tenant tenant, Network network) {
    if (network.quota().isPresent()) {
      v.add("quota", "a tenant's network takes its quota from the plan '" + tenant.plan().name() + "'; leave it out");
    }
    if (network.access().isPresent()) {
      v.add("access", "a tenant's network is operated by the tenant's admin groups; leave access out");
    }
    if (!network.gateways().isEmpty()) {
      v.add("gateways", "a tenant's ports are published through the platform's gateway '" + platform.gateway() + "'");
    }
    if (!network.isolation().deniesByDefault(network.namespace())) {
      v.in("isolation").add("openNamespaces", "a tenant's network denies by default; other tenants share the cluster");
    }
    for (Workload w : network.workloads()) {
      Violations at = v.in("workloads", w.name());
      SecurityLevel level = SecurityLevel.of(w);
      if (level != SecurityLevel.RESTRICTED) {
        at.add("tenant namespaces enforce Pod Security 'restricted'; this workload meets only '" + level.label()
            + "' (root, privilege escalation, added capabilities, unconfined seccomp or a host device)");
      }
      if (w.kind() == WorkloadKind.DAEMON) {
        at.add("kind", "a tenant runs no daemons: one pod on every node of a shared cluster");
      }
      for (Container c : w.allContainers()) {
        for (Port p : c.ports()) {
          if (p.exposure().leavesNetwork() && !throughPlatform(p, platform)) {
            at.in("containers", c.name()).in("ports", p.name()).add("exposure",
                "a tenant's port leaves the network only through the platform's gateway '" + platform.gatewayNamespace() + "/"
                    + platform.gateway() + "'; node ports, load balancers and ingresses would let other tenants in");
          }
        }
      }
    }
    QuotaFit.check(v, tenant.plan().quota(), network, "the plan '" + tenant.plan().name() + "'");
  }

  private static boolean throughPlatform(Port p, TenantPlatform platform) {
    return p.exposure() instanceof GatewayExposure gw && gw.gateway().equals(platform.gateway())
        && gw.gatewayNamespace().filter(platform.gatewayNamespace()::equals).isPresent();
  }
}
