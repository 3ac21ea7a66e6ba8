package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.api.AwaitTimeoutException;
import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.PlatformException;
import io.chainwright.api.Port;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.await.Progress;
import io.chainwright.api.backend.Backends;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.policy.GpuPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.MigLayout;
import io.chainwright.api.policy.MigStrategy;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.kubernetes.cluster.ApplyMode;
import io.chainwright.kubernetes.cluster.Outcome;
import io.chainwright.kubernetes.cluster.Plan;
import io.chainwright.kubernetes.render.Labels;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Apply, wait, prune, plan and destroy against fabric8's mock server in CRUD mode; tests play the controllers by writing status. */
class DeployFlowTest {
  private final MockCluster cluster = MockCluster.crud();
  private final KubernetesBackend backend = cluster.backend(ApplyMode.CREATE_OR_UPDATE).build();
  private final Statuses statuses = new Statuses(cluster.client);

  /** Background work runs here rather than in the common pool, which the client's own futures need free. */
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stop() {
    background.shutdownNow();
    cluster.close();
  }

  private static Workload app(String name, String... dependsOn) {
    Workload.Builder b = Workload.builder().name(name)
        .addContainer(Container.builder().name(name).image(Image.of("example/" + name + ":1")).addPort(Port.tcp("http", 8080)).build());
    for (String d : dependsOn) {
      b.addDependsOn(Dependency.ready(d));
    }
    return b.build();
  }

  private static Network network(Workload... workloads) {
    return Network.builder().name("flow").addWorkloads(workloads).build();
  }

  private <T extends HasMetadata> T live(Class<T> type, String name) {
    return cluster.client.resources(type).inNamespace("flow").withName(name).get();
  }

  @Test
  void deployCreatesEveryObjectAndASecondDeployChangesNothing() {
    Network net = network(app("api"), app("web"));

    KubernetesDeployment first = backend.deploy(net);
    KubernetesDeployment second = backend.deploy(net);

    assertThat(first.report().with(Outcome.CREATED)).hasSize(backend.render(net).objects().size());
    assertThat(second.report().with(Outcome.UNCHANGED)).hasSize(backend.render(net).objects().size());
    assertThat(second.report().pruned()).isEmpty();
    assertThat(live(Deployment.class, "api").getMetadata().getLabels())
        .containsEntry(Labels.NETWORK, "flow").containsEntry(Labels.MANAGED_BY, "chainwright");
    assertThat(cluster.client.namespaces().withName("flow").get()).isNotNull();
  }

  @Test
  void aChangedModelUpdatesOnlyWhatChanged() {
    backend.deploy(network(app("api"), app("web")));
    Workload scaled = Workload.builder().from(app("api")).replicas(3).build();

    KubernetesDeployment again = backend.deploy(network(scaled, app("web")));

    assertThat(again.report().with(Outcome.UPDATED)).containsExactly("Deployment flow/api");
    assertThat(live(Deployment.class, "api").getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void planReportsCreatesChangesAndDeletesWithoutTouchingTheCluster() {
    Network before = network(app("api"), app("web"));
    assertThat(backend.plan(before).of(Plan.Action.CREATE)).hasSize(backend.render(before).objects().size());
    assertThat(cluster.client.namespaces().withName("flow").get()).isNull();

    backend.deploy(before);
    assertThat(backend.plan(before).isEmpty()).isTrue();

    Network after = network(Workload.builder().from(app("api")).replicas(2).build());
    Plan plan = backend.plan(after);

    assertThat(plan.of(Plan.Action.CHANGE)).extracting(Plan.Change::object).containsExactly("Deployment flow/api");
    assertThat(plan.of(Plan.Action.DELETE)).extracting(Plan.Change::object)
        .containsExactlyInAnyOrder("Service flow/web", "Deployment flow/web");
    assertThat(live(Deployment.class, "web")).isNotNull();
  }

  @Test
  void pruneDeletesWhatTheModelDroppedButKeepsItsData() {
    Workload withData = Workload.builder().from(app("indexer")).addVolume(DataVolume.of("data", "10Gi")).build();
    backend.deploy(network(app("api"), withData));
    assertThat(live(PersistentVolumeClaim.class, "indexer-data")).isNotNull();

    KubernetesDeployment again = backend.deploy(network(app("api")));

    assertThat(again.report().pruned()).containsExactlyInAnyOrder("Deployment flow/indexer", "Service flow/indexer");
    assertThat(live(Deployment.class, "indexer")).isNull();
    assertThat(live(PersistentVolumeClaim.class, "indexer-data")).as("data is never pruned unless asked").isNotNull();
    assertThat(cluster.backend(ApplyMode.CREATE_OR_UPDATE).prunePersistentVolumes(true).build().plan(network(app("api")))
        .of(Plan.Action.DELETE)).extracting(Plan.Change::object).containsExactly("PersistentVolumeClaim flow/indexer-data");
  }

  @Test
  void awaitReadyReportsObservationsUntilTheStatusSaysReady() throws Exception {
    Network net = network(app("api"));
    KubernetesDeployment d = backend.deploy(net);
    List<Progress> seen = new CopyOnWriteArrayList<>();
    CountDownLatch firstLook = new CountDownLatch(1);

    CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> d.awaitReady(Duration.ofSeconds(20), p -> {
      seen.add(p);
      firstLook.countDown();
    }), background);
    assertThat(firstLook.await(20, TimeUnit.SECONDS)).isTrue();
    statuses.makeReady(backend.render(net).objects().stream().filter(o -> o instanceof Deployment).findFirst().orElseThrow());
    waiting.get(20, TimeUnit.SECONDS);

    assertThat(seen.get(0).subject()).isEqualTo("Deployment flow/api");
    assertThat(seen.get(0).state()).isEqualTo("0/1 available, 0/1 updated");
    assertThat(seen.get(0).ready()).isFalse();
    assertThat(seen.get(seen.size() - 1).ready()).isTrue();
  }

  @Test
  void aTimeoutNamesTheObjectItsLastStatusAndItsRecentEvents() {
    KubernetesDeployment d = backend.deploy(network(app("api")));
    cluster.client.v1().events().inNamespace("flow").resource(new EventBuilder()
        .withNewMetadata().withName("api.1").withNamespace("flow").endMetadata()
        .withNewInvolvedObject().withKind("Deployment").withName("api").withNamespace("flow").endInvolvedObject()
        .withReason("FailedCreate").withMessage("exceeded quota: pods").withLastTimestamp("2026-01-01T00:00:00Z")
        .build()).create();

    assertThatThrownBy(() -> d.awaitReady(Duration.ofMillis(300), p -> { }))
        .isInstanceOfSatisfying(AwaitTimeoutException.class, e -> {
          assertThat(e.awaited()).isEqualTo("Deployment flow/api ready");
          assertThat(e.lastState()).contains("0/1 available").contains("FailedCreate: exceeded quota: pods");
          assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
        });
  }

  @Test
  void aFailedJobEndsTheWaitAtOnceWithItsReason() {
    Workload job = Workload.builder().name("migrate").kind(WorkloadKind.JOB)
        .addContainer(Container.builder().name("migrate").image(Image.of("example/migrate:1")).build()).build();
    Network net = network(job);
    KubernetesDeployment d = backend.deploy(net);
    statuses.failJob(backend.render(net).objects(io.chainwright.kubernetes.render.Tier.WORKLOADS).get(0), "too many failures");

    assertThatThrownBy(() -> d.awaitReady(Duration.ofSeconds(20), p -> { }))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.object()).isEqualTo("Job flow/migrate");
          assertThat(e.getMessage()).contains("failed: too many failures");
        });
  }

  @Test
  void aRouteItsGatewayRefusesFailsTheWaitWithTheGatewaysReason() {
    Workload api = Workload.builder().name("api").addContainer(Container.builder().name("api").image(Image.of("example/api:1"))
        .addPort(Port.builder().name("http").number(8080).exposure(Exposure.gateway("public", "api.example.org")).build()).build())
        .build();
    Network net = network(api);
    KubernetesDeployment d = backend.deploy(net);
    statuses.makeReady(backend.render(net).objects().stream().filter(o -> o instanceof Deployment).findFirst().orElseThrow());
    statuses.refuseRoute((io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute) backend.render(net).objects().stream()
        .filter(o -> o.getKind().equals("HTTPRoute")).findFirst().orElseThrow(), "NotAllowedByListeners", "no listener admits namespace flow");

    assertThatThrownBy(() -> d.awaitReady(Duration.ofSeconds(20), p -> { }))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.object()).isEqualTo("HTTPRoute flow/api-http");
          assertThat(e.getMessage()).contains("not accepted by gateway public: NotAllowedByListeners: no listener admits namespace flow");
        });
  }

  @Test
  void aWorkloadIsAppliedOnlyAfterTheJobItDependsOnCompleted() throws Exception {
    Workload job = Workload.builder().name("migrate").kind(WorkloadKind.JOB)
        .addContainer(Container.builder().name("migrate").image(Image.of("example/migrate:1")).build()).build();
    Workload api = Workload.builder().from(app("api")).addDependsOn(Dependency.completed("migrate")).build();
    Network net = network(api, job);

    CompletableFuture<KubernetesDeployment> deploying = CompletableFuture.supplyAsync(() -> backend.deploy(net), background);
    HasMetadata created = statuses.awaitCreated(backend.render(net).objects(io.chainwright.kubernetes.render.Tier.WORKLOADS).stream()
        .filter(o -> o instanceof Job).findFirst().orElseThrow());
    assertThat(live(Deployment.class, "api")).as("api waits for the migration").isNull();
    statuses.makeReady(created);
    deploying.get(20, TimeUnit.SECONDS);

    assertThat(live(Deployment.class, "api")).isNotNull();
  }

  @Test
  void theRichNetworkDeploysAndBecomesReadyWhenItsControllersReport() throws Exception {
    Network rich = RichNetwork.rich();
    List<HasMetadata> objects = backend.render(rich).objects();
    CompletableFuture<KubernetesDeployment> deploying = CompletableFuture.supplyAsync(() -> backend.deploy(rich), background);
    // The node waits for the migration job and the API for the node: each controller reports once its object appears.
    List<CompletableFuture<Void>> controllers = objects.stream()
        .filter(o -> o instanceof Job || o instanceof StatefulSet || o instanceof Deployment
            || o instanceof io.fabric8.kubernetes.api.model.apps.DaemonSet || o instanceof PersistentVolumeClaim
            || (o instanceof io.fabric8.kubernetes.api.model.Service s && "LoadBalancer".equals(s.getSpec().getType()))
            || o.getApiVersion().startsWith("gateway.networking.k8s.io/"))
        .map(o -> CompletableFuture.runAsync(() -> statuses.makeReady(o), background))
        .toList();
    CompletableFuture.allOf(controllers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    KubernetesDeployment d = deploying.get(30, TimeUnit.SECONDS);
    List<Progress> seen = new CopyOnWriteArrayList<>();

    d.awaitReady(Duration.ofSeconds(20), seen::add);

    assertThat(d.report().outcomes()).hasSize(objects.size());
    assertThat(seen).filteredOn(Progress::ready).extracting(Progress::subject)
        .contains("StatefulSet chain-prod/node", "Job chain-prod/migrate", "Service chain-prod/node-ws", "ServiceMonitor chain-prod/node",
            "Gateway chain-prod/edge", "HTTPRoute chain-prod/api-public", "TLSRoute chain-prod/api-peer",
            "TCPRoute chain-prod/api-p2p", "UDPRoute chain-prod/api-discovery");
  }

  @Test
  void destroyKeepsVolumesUnlessAskedAndTheNamespaceGoesOnlyWithEverything() {
    Workload kept = Workload.builder().from(app("indexer")).addVolume(DataVolume.of("data", "10Gi"))
        .addVolume(DataVolume.builder().name("cache").size("1Gi").keepOnDelete(false).build()).build();
    Network net = network(kept);

    backend.deploy(net).destroy(Teardown.KEEP_VOLUMES);
    assertThat(live(Deployment.class, "indexer")).isNull();
    assertThat(live(PersistentVolumeClaim.class, "indexer-data")).isNotNull();
    assertThat(live(PersistentVolumeClaim.class, "indexer-cache")).isNotNull();

    backend.deploy(net).destroy(Teardown.DELETE_VOLUMES);
    assertThat(live(PersistentVolumeClaim.class, "indexer-data")).isNotNull();
    assertThat(live(PersistentVolumeClaim.class, "indexer-cache")).isNull();
    assertThat(cluster.client.namespaces().withName("flow").get()).isNotNull();

    backend.deploy(net).destroy(Teardown.DELETE_ALL_VOLUMES);
    assertThat(live(PersistentVolumeClaim.class, "indexer-data")).isNull();
    assertThat(cluster.client.namespaces().withName("flow").get()).isNull();
  }

  @Test
  void whatTheNetworkSharesWithTheClusterOutlivesItsTeardown() {
    GpuPolicy gpu = GpuPolicy.builder().migStrategy(MigStrategy.MIXED).addMigLayout(MigLayout.uniform("1g.10gb", 7)).build();
    Network net = Network.builder().from(network(app("prover"))).gpu(gpu).isolation(IsolationPolicy.leaveOpen("gpu-operator")).build();

    backend.deploy(net).destroy(Teardown.DELETE_ALL_VOLUMES);

    assertThat(live(Deployment.class, "prover")).isNull();
    var clusterPolicies = new ResourceDefinitionContext.Builder().withGroup("nvidia.com").withVersion("v1")
        .withKind("ClusterPolicy").withPlural("clusterpolicies").withNamespaced(false).build();
    assertThat(cluster.client.genericKubernetesResources(clusterPolicies).list().getItems())
        .as("the GPU operator's policy, which other tenants' GPUs depend on").hasSize(1);
    assertThat(cluster.client.configMaps().inNamespace(gpu.operatorNamespace()).withName(gpu.migConfigMapName()).get()).isNotNull();
  }

  @Test
  void closingADeploymentKeepsItsVolumes() {
    Workload withData = Workload.builder().from(app("indexer")).addVolume(DataVolume.of("data", "10Gi")).build();

    try (KubernetesDeployment d = backend.deploy(network(withData))) {
      assertThat(d.network().name()).isEqualTo("flow");
    }

    assertThat(live(io.fabric8.kubernetes.api.model.Service.class, "indexer")).isNull();
    assertThat(live(PersistentVolumeClaim.class, "indexer-data")).isNotNull();
  }

  @Test
  void aCronJobsClaimIsNotAwaitedSinceItBindsOnlyWhenTheScheduleFires() {
    Workload pruner = Workload.builder().name("pruner").kind(WorkloadKind.CRON_JOB)
        .cron(io.chainwright.api.CronSchedule.of("@daily"))
        .addContainer(Container.builder().name("pruner").image(Image.of("example/pruner:1"))
            .addMount(io.chainwright.api.volume.VolumeMount.of("logs", "/logs")).build())
        .addVolume(DataVolume.of("logs", "1Gi")).build();
    KubernetesDeployment d = backend.deploy(network(pruner));
    List<Progress> seen = new CopyOnWriteArrayList<>();

    d.awaitReady(Duration.ofSeconds(5), seen::add);

    assertThat(live(PersistentVolumeClaim.class, "pruner-logs").getStatus()).as("still unbound").isNull();
    assertThat(seen).isEmpty();
  }

  @Test
  void theBackendIsFoundByName() {
    assertThat(Backends.named("kubernetes")).isInstanceOf(KubernetesBackend.class);
    assertThat(Backends.available()).contains("kubernetes");
  }

}
