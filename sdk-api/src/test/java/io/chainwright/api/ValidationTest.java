package io.chainwright.api;

import static io.chainwright.api.Fixtures.container;
import static io.chainwright.api.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.exposure.IngressController;
import io.chainwright.api.exposure.IngressExposure;
import io.chainwright.api.policy.Autoscaler;
import io.chainwright.api.policy.ScalingMetric;
import io.chainwright.api.policy.TenantQuota;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ValidationTest {
  private static List<String> violations(Executable build) {
    return assertThrows(ValidationException.class, build).violations().stream().map(Violation::toString).toList();
  }

  @Test
  void aPortOutOfRangeNamesThePortAndTheRange() {
    assertThat(violations(() -> Port.tcp("rpc", 70000)))
        .containsExactly("ports[rpc].number: 70000 is not a port (1-65535)");
  }

  @Test
  void namesAreCheckedAgainstDns1123NotRewritten() {
    assertThat(violations(() -> Workload.builder().name("Geth_1").addContainer(container("geth")).build()))
        .singleElement().asString()
        .startsWith("workloads[Geth_1].name: 'Geth_1' is not a DNS-1123 label");
    assertThat(violations(() -> Network.builder().name("x".repeat(64)).build()))
        .anyMatch(v -> v.contains("is longer than 63 characters"));
  }

  @Test
  void probeTargetsAreNamedOnceEachAndToldApartByTheirParameters() {
    assertThat(violations(() -> MetricsEndpoint.builder().port("http").path("/probe")
        .addTargets(ScrapeTarget.of("geth-synced", Map.of("module", "synced")), ScrapeTarget.of("geth-synced", Map.of("module", "peers")))
        .build())).containsExactly("metrics.targets[geth-synced]: name is used more than once");
    assertThat(violations(() -> ScrapeTarget.of("Geth", Map.of())))
        .containsExactly("targets[Geth].name: 'Geth' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit)",
            "targets[Geth].params: a target is told apart by its query parameters; give at least one");
  }

  @Test
  void portNamesFollowTheFifteenCharacterRule() {
    assertThat(violations(() -> Port.tcp("execution-engine", 8551)))
        .containsExactly("ports[execution-engine].name: 'execution-engine' is longer than 15 characters, the limit for port names");
  }

  @Test
  void aMissingNameIsReportedNotANullPointer() {
    assertThat(violations(() -> Workload.builder().addContainer(container("a")).build()))
        .containsExactly("workloads[?].name: is required");
    assertThat(violations(() -> Port.builder().number(1).build()))
        .containsExactly("ports[?].name: is required");
  }

  @Test
  void aMissingImageIsReported() {
    assertThat(violations(() -> Container.builder().name("geth").build()))
        .containsExactly("containers[geth].image: is required");
    assertThat(violations(() -> Container.builder().name("geth").image(Image.of("Ethereum/Client Go")).build()))
        .singleElement().asString().startsWith("containers[geth].image: 'Ethereum/Client Go' is not an image reference");
  }

  @Test
  void aHostAllowlistFlagMustStandOnceAmongTheArguments() {
    assertThat(violations(() -> Container.builder().from(container("teku")).args(List.of("--rest-api-port=5051"))
        .addHostAllowlistFlags("--rest-api-host-allowlist", "metrics-host-allowlist").build()))
        .containsExactly(
            "containers[teku].hostAllowlistFlags: --rest-api-host-allowlist must be given exactly once among the arguments"
                + " as --rest-api-host-allowlist=<hosts>, not 0 times",
            "containers[teku].hostAllowlistFlags: 'metrics-host-allowlist' is not a flag such as --host-allowlist");
  }

  @Test
  void theBackendsOwnVariableNamesAreReserved() {
    assertThat(violations(() -> EnvVar.literal("CHAINWRIGHT_POD_IP", "10.0.0.7")))
        .containsExactly("env[CHAINWRIGHT_POD_IP].name: names starting with CHAINWRIGHT_ are reserved for the SDK's backends");
  }

  @Test
  void aReplicasOwnAddressJoinsEachHostAllowlistOnce() {
    Container teku = Container.builder().from(container("teku"))
        .args(List.of("--rest-api-host-allowlist=teku,localhost", "--metrics-host-allowlist=teku,localhost", "--p2p-port=9000"))
        .addHostAllowlistFlags("--rest-api-host-allowlist", "--metrics-host-allowlist").build();

    assertThat(teku.argsAllowingHost("10.0.0.7")).containsExactly("--rest-api-host-allowlist=teku,localhost,10.0.0.7",
        "--metrics-host-allowlist=teku,localhost,10.0.0.7", "--p2p-port=9000");
    assertThat(teku.argsAllowingHost("teku")).isEqualTo(teku.args());
    assertThat(Container.builder().from(teku).args(List.of("--rest-api-host-allowlist=", "--metrics-host-allowlist=x")).build()
        .argsAllowingHost("teku")).containsExactly("--rest-api-host-allowlist=teku", "--metrics-host-allowlist=x,teku");
  }

  @Test
  void duplicatePortAndVolumeNamesAreReported() {
    assertThat(violations(() -> container("geth", Port.tcp("rpc", 8545), Port.tcp("rpc", 8546))))
        .containsExactly("containers[geth].ports[rpc]: name is used more than once");
    assertThat(violations(() -> Workload.builder().name("geth").addContainer(container("geth"))
        .addVolume(DataVolume.of("data", "1Ti")).addVolume(ScratchVolume.of("data")).build()))
        .containsExactly("workloads[geth].volumes[data]: name is used more than once");
  }

  @Test
  void duplicateWorkloadNamesAreReported() {
    assertThat(violations(() -> Network.builder().name("net").addWorkloads(workload("geth"), workload("geth")).build()))
        .containsExactly("workloads[geth]: name is used more than once");
  }

  @Test
  void theSamePortNumberTwiceInAPodIsReportedButTcpAndUdpMayShareOne() {
    assertThat(violations(() -> Workload.builder().name("node")
        .addContainer(container("el", Port.tcp("rpc", 8545)))
        .addContainer(container("proxy", Port.tcp("proxy", 8545)))
        .build()))
        .containsExactly("workloads[node].containers[proxy].ports[proxy].number: 8545/TCP is already used by containers[el].ports[rpc]");

    Workload p2p = workload("node", Port.tcp("p2p", 30303), Port.udp("p2p-udp", 30303));
    assertThat(p2p.containers().get(0).ports()).hasSize(2);
  }

  @Test
  void requestsAboveLimitsAndUnparsableQuantitiesAreAllReported() {
    assertThat(violations(() -> Resources.builder().cpuRequest("4").cpuLimit("2")
        .memoryRequest("16 Gi").memoryLimit("8Gi").build()))
        .containsExactly(
            "resources.memoryRequest: '16 Gi' is not a quantity (examples: 500m, 2, 16Gi, 2Ti)",
            "resources.cpuRequest: 4 is above the limit 2");
    assertThat(violations(() -> DataVolume.of("data", "lots")))
        .containsExactly("volumes[data].size: 'lots' is not a quantity (examples: 500m, 2, 16Gi, 2Ti)");
  }

  @Test
  void aMountOfAnUndeclaredVolumeIsReported() {
    assertThat(violations(() -> Workload.builder().name("geth")
        .addContainer(Container.builder().name("geth").image(Image.of("geth:1")).addMount(VolumeMount.of("chaindata", "/data")).build())
        .addVolume(DataVolume.of("data", "1Ti"))
        .build()))
        .containsExactly("workloads[geth].containers[geth].mounts[chaindata].volume: 'chaindata' is not a volume of this workload (declared: data)");
  }

  @Test
  void referencesToUnknownStorageClassesWorkloadsAndSecretsAreAllReported() {
    Workload geth = Workload.builder().name("geth")
        .addContainer(Container.builder().name("geth").image(Image.of("geth:1"))
            .addEnv(EnvVar.fromSecret("KEY", "keys", "key")).addMount(VolumeMount.of("data", "/data")).build())
        .addVolume(DataVolume.builder().name("data").size("1Ti").storageClass("fast").build())
        .addDependsOn(Dependency.ready("postgres"))
        .build();

    assertThat(violations(() -> Network.builder().name("net").addWorkload(geth).build()))
        .containsExactly(
            "workloads[geth].dependsOn[postgres].workload: 'postgres' is not a workload of this network",
            "workloads[geth].volumes[data].storageClass: 'fast' is not a storage class of this network (declare it, or StorageClass.existing(\"fast\"))",
            "workloads[geth].containers[geth].env[KEY].secret: 'keys' is not a secret of this network (declare it, or Secret.provided(\"keys\"))");
  }

  @Test
  void aSecretKeyThatDoesNotExistIsReported() {
    Workload geth = Workload.builder().name("geth")
        .addContainer(Container.builder().name("geth").image(Image.of("geth:1")).addEnv(EnvVar.fromSecret("KEY", "keys", "nope")).build())
        .build();
    assertThat(violations(() -> Network.builder().name("net").addWorkload(geth)
        .addSecret(Secret.builder().name("keys").putData("key", SecretValue.of("s3cret")).build()).build()))
        .containsExactly("workloads[geth].containers[geth].env[KEY].secret: secret 'keys' has no key 'nope'");
  }

  @Test
  void secretItemsMustNameKeysOfTheSecretAndStayInsideTheVolume() {
    assertThat(violations(() -> SecretVolume.builder().name("msp").secret("msp")
            .putItem("key", "../key.pem").putItem("cert", "/etc/cert.pem").putItem("ca", "cacerts/ca.pem").putItem("ca2", "cacerts/ca.pem").build()))
        .containsExactlyInAnyOrder(
            "volumes[msp].items[key]: '../key.pem' must be a relative file path inside the volume",
            "volumes[msp].items[cert]: '/etc/cert.pem' must be a relative file path inside the volume",
            "volumes[msp].items[cacerts/ca.pem]: name is used more than once");
    Workload w = Workload.builder().name("peer")
        .addContainer(Container.builder().from(container("peer")).addMount(VolumeMount.readOnly("msp", "/msp")).build())
        .addVolume(SecretVolume.builder().name("msp").secret("msp").putItem("nope", "keystore/key.pem").build()).build();
    assertThat(violations(() -> Network.builder().name("n").addWorkload(w)
            .addSecret(Secret.builder().name("msp").putData("key", SecretValue.of("k")).build()).build()))
        .containsExactly("workloads[peer].volumes[msp].items[nope]: secret 'msp' has no key 'nope'");
  }

  @Test
  void dependencyCyclesAreReportedOnceWithTheirPath() {
    Workload a = Workload.builder().from(workload("a")).addDependsOn(Dependency.ready("b")).build();
    Workload b = Workload.builder().from(workload("b")).addDependsOn(Dependency.ready("c")).build();
    Workload c = Workload.builder().from(workload("c")).addDependsOn(Dependency.ready("a")).build();

    assertThat(violations(() -> Network.builder().name("net").addWorkloads(a, b, c).build()))
        .containsExactly("workloads[a].dependsOn: dependency cycle: a -> b -> c -> a");
  }

  @Test
  void replicasCronAndAutoscalerBoundsAreChecked() {
    assertThat(violations(() -> Workload.builder().from(workload("geth")).replicas(-1).build()))
        .containsExactly("workloads[geth].replicas: -1 is not a replica count (0-10000)");
    assertThat(violations(() -> Workload.builder().from(workload("backup")).kind(WorkloadKind.CRON_JOB).build()))
        .containsExactly("workloads[backup].cron: a cron job needs a schedule");
    assertThat(violations(() -> Autoscaler.builder().workload("api").minReplicas(5).maxReplicas(2)
        .addMetric(ScalingMetric.cpuUtilization(80)).build()))
        .containsExactly("autoscalers[api].minReplicas: 5 is above maxReplicas 2");
  }

  @Test
  void anEngineOrAdminPortCannotLeaveTheNetwork() {
    assertThat(violations(() -> Port.builder().name("engine").number(8551).internalOnly(true).exposure(Exposure.loadBalancer()).build()))
        .containsExactly("ports[engine].exposure: this port is internal-only (an Engine API or admin endpoint) and must not leave the network");
  }

  @Test
  void aNetworkAskingForMoreThanItsOwnQuotaIsRefused() {
    Workload node = Workload.builder().name("node").replicas(3)
        .addContainer(Container.builder().name("node").image(Image.of("example/node:1"))
            .resources(Resources.builder().cpuRequest("2").memoryRequest("4Gi").build()).build())
        .build();

    assertThat(violations(() -> Network.builder().name("n").addWorkload(node)
        .quota(TenantQuota.builder().cpu("4").memory("16Gi").pods(2).build()).build()))
        .containsExactlyInAnyOrder(
            "quota.cpu: CPU requested (6) is more than the quota allows (4)",
            "quota.pods: pods (3) is more than the quota allows (2)");
  }

  @Test
  void anIngressWithoutTlsIsRefused() {
    assertThat(violations(() -> IngressExposure.builder().host("rpc.example.org").controller(IngressController.TRAEFIK).build()))
        .containsExactly("exposure.tlsSecret: an ingress needs TLS: give a TLS secret or an issuer");
  }

  @Test
  void rootIsAnExplicitChoice() {
    assertThat(violations(() -> SecurityContext.builder().runAsUser(0).build()))
        .containsExactly("security.runAsUser: 0 is root, but runAsNonRoot is set; use SecurityContext.insecureRoot() to run as root");
    assertThat(SecurityContext.insecureRoot().runAsUser()).isZero();
  }

  @Test
  void oneExceptionListsEveryProblemOfANetwork() {
    Workload api = Workload.builder().from(workload("api", Port.builder().name("http").number(8080)
            .exposure(Exposure.nodePort(30080)).build()))
        .addDependsOn(Dependency.completed("db")).build();
    Workload db = workload("db", Port.builder().name("pg").number(5432).exposure(Exposure.nodePort(30080)).build());
    Workload web = Workload.builder().from(workload("web")).addDependsOn(Dependency.ready("cache")).build();

    ValidationException e = assertThrows(ValidationException.class,
        () -> Network.builder().name("net").addWorkloads(api, db, web)
            .addAutoscaler(Autoscaler.builder().workload("worker").maxReplicas(3).addMetric(ScalingMetric.cpuUtilization(50)).build())
            .build());

    assertThat(e.violations()).extracting(Violation::toString).containsExactly(
        "workloads[api].dependsOn[db].condition: 'db' is STATELESS and never completes",
        "workloads[web].dependsOn[cache].workload: 'cache' is not a workload of this network",
        "workloads[db].containers[db].ports[pg].exposure.nodePort: node port 30080/TCP is already used by workloads[api].containers[api].ports[http]",
        "autoscalers[worker].workload: 'worker' is not a workload of this network");
    assertThat(e.getMessage()).startsWith("Invalid model, 4 problems:\n  - workloads[api]");
  }
}
