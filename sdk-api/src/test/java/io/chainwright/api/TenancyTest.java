package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.backend.OwnershipLabels;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.exposure.GatewayExposure;
import io.chainwright.api.policy.AccessPolicy;
import io.chainwright.api.policy.Flows;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.StorageClass;
import io.chainwright.api.policy.TenantQuota;
import io.chainwright.api.policy.TrafficPeer;
import io.chainwright.api.tenant.Tenancy;
import io.chainwright.api.tenant.Tenant;
import io.chainwright.api.tenant.TenantPlan;
import io.chainwright.api.tenant.TenantPlatform;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.VolumeMount;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Tenants' networks placed on a shared platform, and everything that would not fit refused at once. */
class TenancyTest {
  static final TenantPlatform PLATFORM = TenantPlatform.builder().gateway("public").gatewayNamespace("gateway-system")
      .proxyNamespace("envoy-gateway-system").build();
  static final TenantPlan STARTER = TenantPlan.of("starter", TenantQuota.builder().cpu("4").memory("16Gi").storage("1Ti")
      .persistentVolumeClaims(4).pods(10).putStorageClassLimit("fast", "1Ti").defaultCpuRequest("250m").defaultMemoryRequest("512Mi")
      .build());

  static Workload rpc(String name, String cpu, String storage) {
    return Workload.builder().name(name).kind(WorkloadKind.STATEFUL)
        .addContainer(Container.builder().name(name).image(Image.of("example/node:1.0"))
            .resources(Resources.builder().cpuRequest(cpu).memoryRequest("4Gi").build())
            .addPort(Port.builder().name("rpc").number(8545).exposure(GatewayExposure.builder().gateway("public")
                .gatewayNamespace("gateway-system").host(name + ".rpc.example.org").build()).build())
            .addPort(Port.tcp("metrics", 6060))
            .addMount(VolumeMount.of("data", "/data"))
            .build())
        .addVolume(DataVolume.builder().name("data").size(storage).storageClass("fast").build())
        .metrics(MetricsEndpoint.of("metrics", "/metrics"))
        .build();
  }

  /** A network of these workloads, with the platform's storage classes. */
  static Network.Builder network(String name, Workload... workloads) {
    return Network.builder().name(name).addWorkloads(workloads)
        .addStorageClasses(StorageClass.existing("fast"), StorageClass.existing("nvme"));
  }

  static Tenant tenant(String name, Network... networks) {
    return Tenant.builder().name(name).plan(STARTER).owner("ops@" + name + ".example").addAdminGroups(name + "-admins")
        .putLabel("cost-centre", name).addNetworks(networks).build();
  }

  private static List<String> violations(Executable build) {
    return assertThrows(ValidationException.class, build).violations().stream().map(Violation::toString).toList();
  }

  @Test
  void aPlacedNetworkCarriesItsTenantPlanIsolationAndAdministrators() {
    Network acme = network("acme-rpc", rpc("node", "2", "500Gi")).build();
    Network placed = Tenancy.builder().platform(PLATFORM).addTenants(tenant("acme", acme)).build().networks().get(0);

    assertThat(placed.labels()).containsEntry(OwnershipLabels.TENANT, "acme").containsEntry("cost-centre", "acme");
    assertThat(placed.annotations()).containsEntry("chainwright.io/owner", "ops@acme.example");
    assertThat(placed.quota()).contains(STARTER.quota());
    assertThat(placed.access().orElseThrow().adminGroups()).containsExactly("acme-admins");
    IsolationPolicy isolation = placed.isolation();
    assertThat(isolation.deniesByDefault(placed.namespace())).isTrue();
    assertThat(isolation.publishedFrom()).containsExactly(TrafficPeer.namespace("envoy-gateway-system"));
    assertThat(Flows.of(placed)).containsExactly(IsolationRule.allowInto("node", TrafficPeer.monitoring(), "metrics"));
  }

  @Test
  void everyReasonANetworkDoesNotFitIsReportedWithItsPath() {
    Workload root = Workload.builder().name("root").addContainer(Container.builder().name("root").image(Image.of("example/x:1"))
        .security(SecurityContext.insecureRoot()).addPort(Port.builder().name("p2p").number(30303).exposure(Exposure.nodePort()).build())
        .build()).build();
    Workload exporter = Workload.builder().name("exporter").kind(WorkloadKind.DAEMON)
        .addContainer(Container.builder().name("exporter").image(Image.of("example/exporter:1")).build()).build();
    Workload slow = Workload.builder().from(rpc("archive", "8", "2Ti")).volumes(List.of(
        DataVolume.builder().name("data").size("2Ti").storageClass("nvme").build())).build();
    Network big = network("big", rpc("node", "2", "500Gi"), slow, root, exporter).build();

    assertThat(violations(() -> Tenancy.builder().platform(PLATFORM).addTenants(tenant("acme", big)).build()))
        .containsExactlyInAnyOrder(
            "tenants[acme].networks[big].workloads[archive].volumes[data].storageClass: the plan 'starter' has no storage in class"
                + " 'nvme' (it has [fast])",
            "tenants[acme].networks[big].workloads[root]: tenant namespaces enforce Pod Security 'restricted'; this workload"
                + " meets only 'baseline' (root, privilege escalation, added capabilities, unconfined seccomp or a host device)",
            "tenants[acme].networks[big].workloads[root].containers[root].ports[p2p].exposure: a tenant's port leaves the network"
                + " only through the platform's gateway 'gateway-system/public'; node ports, load balancers and ingresses would let"
                + " other tenants in",
            "tenants[acme].networks[big].workloads[exporter].kind: a tenant runs no daemons: one pod on every node of a shared cluster",
            "tenants[acme].networks[big].quota.cpu: CPU requested (10.5) is more than the plan 'starter' allows (4)",
            "tenants[acme].networks[big].quota.storage: storage claimed (2548Gi) is more than the plan 'starter' allows (1Ti)");
  }

  @Test
  void aNamespaceBelongsToOneTenantAndNoTenantLetsAnotherIn() {
    Network shared = network("rpc", rpc("node", "1", "100Gi")).namespace("shared").build();
    Network snoop = network("snoop", rpc("node", "1", "100Gi"))
        .isolation(IsolationPolicy.denyAllExcept(IsolationRule.allowInto("node", TrafficPeer.namespace("shared")),
            IsolationRule.allowInto("node", TrafficPeer.cidr("10.0.0.0/8"), "rpc")))
        .build();

    assertThat(violations(() -> Tenancy.builder().platform(PLATFORM)
        .addTenants(tenant("acme", shared), tenant("globex", Network.builder().from(shared).name("other").build(), snoop)).build()))
        .containsExactlyInAnyOrder(
            "tenants[globex].networks[other].namespace: 'shared' belongs to tenant 'acme' already; a namespace has one tenant",
            "tenants[globex].networks[snoop].isolation.rules: into node from namespace shared: that is tenant 'acme'",
            "tenants[globex].networks[snoop].isolation.rules: into node from cidr 10.0.0.0/8: an address range may hold other"
                + " tenants' pods");
  }

  @Test
  void whatTheTenancySetsIsNotAlsoSetByTheNetwork() {
    Network own = network("own", rpc("node", "1", "100Gi")).quota(TenantQuota.builder().cpu("64").build())
        .access(AccessPolicy.admins("someone-else"))
        .isolation(IsolationPolicy.leaveOpen("own")).build();

    assertThat(violations(() -> Tenancy.builder().platform(PLATFORM).addTenants(tenant("acme", own)).build()))
        .containsExactlyInAnyOrder(
            "tenants[acme].networks[own].quota: a tenant's network takes its quota from the plan 'starter'; leave it out",
            "tenants[acme].networks[own].access: a tenant's network is operated by the tenant's admin groups; leave access out",
            "tenants[acme].networks[own].isolation.openNamespaces: a tenant's network denies by default; other tenants share the cluster");
  }

  @Test
  void aTenantRoundTripsThroughYaml() {
    Tenancy tenancy = Tenancy.builder().platform(PLATFORM)
        .addTenants(tenant("acme", network("acme-rpc", rpc("node", "2", "500Gi")).build())).build();

    assertThat(ModelMapper.fromYaml(ModelMapper.toYaml(tenancy), Tenancy.class)).isEqualTo(tenancy);
  }
}
