package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.Container;
import io.chainwright.api.CronSchedule;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Resources;
import io.chainwright.api.UsageException;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.policy.StorageClass;
import io.chainwright.api.policy.TenantQuota;
import io.chainwright.api.tenant.Tenancy;
import io.chainwright.api.tenant.Tenant;
import io.chainwright.api.tenant.TenantPlan;
import io.chainwright.api.tenant.TenantPlatform;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.kubernetes.cluster.ApplyMode;
import io.chainwright.kubernetes.cluster.Outcome;
import io.chainwright.kubernetes.tenant.QuotaUse;
import io.chainwright.kubernetes.tenant.TenantOperations;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaStatusBuilder;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A tenant's life on fabric8's mock API server (CRUD mode): onboard, suspend, resume, change plan, offboard, quota use. */
class TenantOperationsTest {
  private static final TenantPlatform PLATFORM = TenantPlatform.builder().gateway("public").gatewayNamespace("gateway-system").build();
  private static final TenantPlan STARTER = TenantPlan.of("starter", TenantQuota.builder().cpu("4").memory("16Gi").storage("1Ti").build());
  private static final TenantPlan DEDICATED = TenantPlan.of("dedicated", TenantQuota.builder().cpu("32").memory("128Gi").storage("20Ti").build());

  private final MockCluster cluster = MockCluster.crud();
  private final KubernetesBackend backend = cluster.backend(ApplyMode.CREATE_OR_UPDATE).build();
  private final TenantOperations ops = new TenantOperations(backend);

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static Tenancy tenancy(TenantPlan plan) {
    Workload node = Workload.builder().name("node").kind(WorkloadKind.STATEFUL).replicas(2)
        .addContainer(Container.builder().name("node").image(Image.of("example/node:1.0"))
            .resources(Resources.builder().cpuRequest("1").memoryRequest("2Gi").build())
            .addPort(Port.tcp("rpc", 8545)).addMount(VolumeMount.of("data", "/data")).build())
        .addVolume(DataVolume.builder().name("data").size("100Gi").storageClass("fast").build())
        .build();
    Workload indexer = Workload.builder().name("indexer")
        .addContainer(Container.builder().name("indexer").image(Image.of("example/indexer:1.0"))
            .resources(Resources.builder().cpuRequest("500m").memoryRequest("1Gi").build())
            .addMount(VolumeMount.of("data", "/data")).build())
        .addVolume(DataVolume.builder().name("data").size("10Gi").storageClass("fast").build())
        .build();
    Workload pruner = Workload.builder().name("pruner").kind(WorkloadKind.CRON_JOB).cron(CronSchedule.of("@daily"))
        .addContainer(Container.builder().name("pruner").image(Image.of("example/pruner:1.0"))
            .resources(Resources.builder().cpuRequest("100m").memoryRequest("64Mi").build()).build())
        .build();
    Network rpc = Network.builder().name("acme-rpc").addWorkloads(node, indexer, pruner).addStorageClass(StorageClass.existing("fast")).build();
    return Tenancy.builder().platform(PLATFORM).addTenants(Tenant.builder().name("acme").plan(plan).owner("ops@acme.example")
        .addAdminGroups("acme-admins").addNetworks(rpc).build()).build();
  }

  private int replicas() {
    return cluster.client.apps().statefulSets().inNamespace("acme-rpc").withName("node").get().getSpec().getReplicas();
  }

  private String hardCpu() {
    return cluster.client.resourceQuotas().inNamespace("acme-rpc").withName("quota").get().getSpec().getHard().get("requests.cpu")
        .toString();
  }

  @Test
  void onboardingTwiceChangesNothingTheSecondTime() {
    Map<String, ?> first = ops.onboard(tenancy(STARTER), "acme");
    var again = ops.onboard(tenancy(STARTER), "acme").get("acme-rpc");

    assertThat(first).containsOnlyKeys("acme-rpc");
    assertThat(cluster.client.namespaces().withName("acme-rpc").get().getMetadata().getLabels())
        .containsEntry("chainwright.io/tenant", "acme");
    assertThat(again.with(Outcome.CREATED)).isEmpty();
    assertThat(again.with(Outcome.UPDATED)).isEmpty();
  }

  @Test
  void suspendScalesToZeroAndPausesKeepingDataAndResumeRestores() {
    ops.onboard(tenancy(STARTER), "acme");

    assertThat(ops.suspend(tenancy(STARTER), "acme"))
        .containsExactly("statefulset acme-rpc/node: 2 -> 0 replicas", "deployment acme-rpc/indexer: 1 -> 0 replicas",
            "cronjob acme-rpc/pruner: paused");
    assertThat(replicas()).isZero();
    assertThat(cluster.client.batch().v1().cronjobs().inNamespace("acme-rpc").withName("pruner").get().getSpec().getSuspend()).isTrue();
    assertThat(cluster.client.persistentVolumeClaims().inNamespace("acme-rpc").withName("indexer-data").get()).isNotNull();
    assertThat(ops.suspend(tenancy(STARTER), "acme")).as("suspending again changes nothing").isEmpty();

    assertThat(ops.resume(tenancy(STARTER), "acme"))
        .containsExactly("statefulset acme-rpc/node: 0 -> 2 replicas", "deployment acme-rpc/indexer: 0 -> 1 replicas",
            "cronjob acme-rpc/pruner: running again");
    assertThat(replicas()).isEqualTo(2);
    assertThat(ops.resume(tenancy(STARTER), "acme")).isEmpty();
  }

  @Test
  void aNewPlanIsANewQuotaOnTheNextOnboarding() {
    ops.onboard(tenancy(STARTER), "acme");
    assertThat(hardCpu()).isEqualTo("4");

    var report = ops.onboard(tenancy(DEDICATED), "acme").get("acme-rpc");

    assertThat(hardCpu()).isEqualTo("32");
    assertThat(report.with(Outcome.UPDATED)).contains("ResourceQuota acme-rpc/quota");
  }

  @Test
  void offboardingDeletesEverythingButTheVolumesUnlessAsked() {
    ops.onboard(tenancy(STARTER), "acme");

    assertThat(ops.offboard(tenancy(STARTER), "acme", Teardown.KEEP_VOLUMES)).contains("StatefulSet acme-rpc/node");
    assertThat(cluster.client.apps().statefulSets().inNamespace("acme-rpc").list().getItems()).isEmpty();
    assertThat(cluster.client.persistentVolumeClaims().inNamespace("acme-rpc").withName("indexer-data").get()).as("kept").isNotNull();
    assertThat(cluster.client.namespaces().withName("acme-rpc").get()).isNotNull();

    ops.offboard(tenancy(STARTER), "acme", Teardown.DELETE_ALL_VOLUMES);
    assertThat(cluster.client.persistentVolumeClaims().inNamespace("acme-rpc").list().getItems()).isEmpty();
    assertThat(cluster.client.namespaces().withName("acme-rpc").get()).isNull();
  }

  @Test
  void quotaUseIsReadAsTheClusterCountsIt() {
    ops.onboard(tenancy(STARTER), "acme");
    ResourceQuota quota = cluster.client.resourceQuotas().inNamespace("acme-rpc").withName("quota").get();
    quota.setStatus(new ResourceQuotaStatusBuilder().addToHard("requests.cpu", new Quantity("4"))
        .addToUsed("requests.cpu", new Quantity("3500m")).build());
    cluster.client.resourceQuotas().inNamespace("acme-rpc").resource(quota).updateStatus();

    QuotaUse use = ops.quotaUse(tenancy(STARTER), "acme").get(0);

    assertThat(use.namespace()).isEqualTo("acme-rpc");
    assertThat(use.share("requests.cpu")).contains(0.875);
    assertThat(use.share("requests.memory")).isEmpty();
  }

  @Test
  void anUnknownTenantIsAClearError() {
    assertThatThrownBy(() -> ops.suspend(tenancy(STARTER), "globex")).isInstanceOf(UsageException.class)
        .hasMessage("'globex' is not a tenant of this tenancy (tenants: [acme])");
  }
}
