package io.chainwright.kubernetes;

import io.chainwright.api.Container;
import io.chainwright.api.CronConcurrency;
import io.chainwright.api.CronSchedule;
import io.chainwright.api.Dependency;
import io.chainwright.api.DisruptionBudget;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Gpu;
import io.chainwright.api.Image;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Network;
import io.chainwright.api.PodField;
import io.chainwright.api.Port;
import io.chainwright.api.Protocol;
import io.chainwright.api.Resources;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.SecretValue;
import io.chainwright.api.SecurityContext;
import io.chainwright.api.UpdateStrategy;
import io.chainwright.api.VaultAgent;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.exposure.GatewayController;
import io.chainwright.api.exposure.GatewayExposure;
import io.chainwright.api.exposure.IngressController;
import io.chainwright.api.exposure.IngressExposure;
import io.chainwright.api.exposure.LoadBalancerExposure;
import io.chainwright.api.exposure.RouteKind;
import io.chainwright.api.exposure.TrafficPolicy;
import io.chainwright.api.policy.AlertInhibition;
import io.chainwright.api.policy.AlertReceiver;
import io.chainwright.api.policy.AlertRoute;
import io.chainwright.api.policy.AlertRouting;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.AlertSeverity;
import io.chainwright.api.policy.Autoscaler;
import io.chainwright.api.policy.BackupPolicy;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.LocalVolume;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.api.policy.NetworkGateway;
import io.chainwright.api.policy.ScalingMetric;
import io.chainwright.api.policy.ScalingMetricSource;
import io.chainwright.api.policy.SecretSource;
import io.chainwright.api.policy.StorageClass;
import io.chainwright.api.policy.StorageClasses;
import io.chainwright.api.policy.TenantQuota;
import io.chainwright.api.policy.TrafficPeer;
import io.chainwright.api.policy.VerticalScaling;
import io.chainwright.api.policy.VerticalScalingMode;
import io.chainwright.api.probe.HttpCheck;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.scheduling.AntiAffinity;
import io.chainwright.api.scheduling.Scheduling;
import io.chainwright.api.scheduling.Toleration;
import io.chainwright.api.scheduling.Topology;
import io.chainwright.api.scheduling.TopologySpread;
import io.chainwright.api.volume.AccessMode;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.DeviceVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import java.util.List;

/** Networks for the tests: a small one, and a rich one that uses every part of the model the backend renders. */
final class RichNetwork {
  /** The secret values of {@link #rich()}, for the secrets scan. */
  static final List<String> SECRET_VALUES = List.of("s3cr3t-api-key-0123456789", "-----BEGIN CERT-----tls-cert-body", "tls-private-key-body-987");

  private RichNetwork() {}

  static Network small() {
    Workload anvil = Workload.builder()
        .name("anvil")
        .addContainer(Container.builder().name("anvil").image(Image.of("example/anvil:1.0"))
            .addArgs("--host", "0.0.0.0")
            .addPort(Port.tcp("rpc", 8545))
            .readiness(Probe.jsonRpc("rpc", "eth_chainId", JsonRpcExpectation.equalTo("\"0x7a69\"")))
            .build())
        .build();
    return Network.builder().name("small").addWorkload(anvil).build();
  }

  static Network rich() {
    return rich(SecretSource.platform());
  }

  static Network rich(SecretSource secretSource) {
    Container node = Container.builder()
        .name("node").image(Image.of("example/chain-node:v1.2.3@sha256:" + "a".repeat(64)))
        .addCommand("node").addArgs("--datadir=/data", "--rpc")
        .workingDir("/data")
        .addEnv(EnvVar.literal("LOG_LEVEL", "info"))
        .addEnv(EnvVar.fromSecret("API_KEY", "api", "key"))
        .addEnv(EnvVar.fromField("POD_NAME", PodField.POD_NAME))
        .addPort(Port.builder().name("p2p").number(30303).exposure(Exposure.nodePort(30303)).build())
        .addPort(Port.builder().name("p2p-udp").number(30303).protocol(Protocol.UDP).exposure(Exposure.nodePort(30303)).build())
        .addPort(Port.builder().name("rpc").number(8545).exposure(IngressExposure.builder()
            .host("rpc.example.org").tlsSecret("rpc-tls").basicAuthSecret("rpc-auth")
            .rateLimitPerSecond(20).maxBodySize("1m").timeoutSeconds(30).controller(IngressController.NGINX_COMPATIBLE).build()).build())
        .addPort(Port.builder().name("ws").number(8546).exposure(LoadBalancerExposure.builder()
            .putAnnotation("service.beta.kubernetes.io/aws-load-balancer-type", "nlb")
            .addSourceRange("10.0.0.0/8").trafficPolicy(TrafficPolicy.CLUSTER).build()).build())
        .addPort(Port.builder().name("engine").number(8551).internalOnly(true).exposure(Exposure.headless()).build())
        .addPort(Port.tcp("metrics", 9100))
        .addPort(Port.tcp("grpc", 9090))
        .addMount(VolumeMount.of("data", "/data"))
        .addMount(VolumeMount.builder().volume("ancient").path("/ancient").subPath("chain").build())
        .addMount(VolumeMount.readOnly("keys", "/keys"))
        .addMount(VolumeMount.readOnly("config", "/config"))
        .addMount(VolumeMount.of("tmp", "/tmp"))
        .addMount(VolumeMount.of("sgx", "/dev/sgx_enclave"))
        .resources(Resources.builder().cpuRequest("500m").cpuLimit("2").memoryRequest("1Gi").memoryLimit("4Gi")
            .gpu(Gpu.builder().resource("nvidia.com/mig-1g.10gb").count(1).type("NVIDIA-H100-80GB-HBM3").build()).build())
        .readiness(Probe.jsonRpc("rpc", "eth_syncing", JsonRpcExpectation.equalTo("false")))
        .liveness(Probe.builder().check(HttpCheck.builder().port("metrics").path("/health").putHeader("X-Probe", "1").build())
            .initialDelaySeconds(5).periodSeconds(20).timeoutSeconds(3).failureThreshold(6).build())
        .startup(Probe.grpc("grpc"))
        .security(SecurityContext.builder().addCapability("NET_BIND_SERVICE").build())
        .build();

    Workload nodes = Workload.builder()
        .name("node").kind(WorkloadKind.STATEFUL).replicas(3)
        .addInitContainer(Container.builder().name("init-perms").image(Image.of("busybox:1.36"))
            .addCommand("sh", "-c", "chown -R 10001 /data").addMount(VolumeMount.of("data", "/data")).build())
        .addSidecar(Container.builder().name("exporter").image(Image.of("example/exporter:2"))
            .addPort(Port.tcp("exporter", 9200)).readiness(Probe.tcp("exporter")).build())
        .addContainer(node)
        .addVolume(DataVolume.builder().name("data").size("2Ti").storageClass("fast").build())
        .addVolume(DataVolume.builder().name("ancient").size("1Ti").storageClass("standard")
            .accessMode(AccessMode.READ_WRITE_ONCE_POD).keepOnDelete(false).build())
        .addVolume(SecretVolume.of("keys", "api"))
        .addVolume(ConfigVolume.builder().name("config").putFile("node.toml", "[p2p]\nmax_peers = 50\n").build())
        .addVolume(ScratchVolume.builder().name("tmp").sizeLimit("1Gi").inMemory(true).build())
        .addVolume(DeviceVolume.of("sgx", "/dev/sgx_enclave"))
        .updateStrategy(UpdateStrategy.builder().partition(1).maxUnavailable("1").build())
        .disruptionBudget(DisruptionBudget.minAvailable("2"))
        .addDependsOn(Dependency.completed("migrate"))
        .putLabel("tier", "chain")
        .putAnnotation("example.org/owner", "platform team")
        .metrics(MetricsEndpoint.of("metrics", "/metrics"))
        .vaultAgent(VaultAgent.builder().role("node").putSecret("api.key", "secret/data/node/api").build())
        .scheduling(Scheduling.builder()
            .addToleration(Toleration.noSchedule("dedicated", "chain"))
            .addToleration(Toleration.builder().key("nvidia.com/gpu").build())
            .antiAffinity(AntiAffinity.required(Topology.ZONE))
            .addTopologySpread(TopologySpread.builder().across(Topology.HOST).maxSkew(2).strict(true).build())
            .runtimeClass(Scheduling.SEV_SNP)
            .build())
        .build();

    Workload migrate = Workload.builder().name("migrate").kind(WorkloadKind.JOB)
        .addContainer(Container.builder().name("migrate").image(Image.of("example/migrate:1"))
            .addMount(VolumeMount.of("work", "/work")).build())
        .addVolume(DataVolume.of("work", "10Gi"))
        .vaultAgent(VaultAgent.builder().role("migrate").putSecret("db.pass", "secret/data/db").build())
        .build();
    Workload pruner = Workload.builder().name("pruner").kind(WorkloadKind.CRON_JOB)
        .cron(CronSchedule.builder().schedule("0 4 * * 0").concurrency(CronConcurrency.REPLACE).build())
        .addContainer(Container.builder().name("pruner").image(Image.of("example/pruner:1.0")).build())
        .build();
    Workload exporter = Workload.builder().name("node-exporter").kind(WorkloadKind.DAEMON)
        .addContainer(Container.builder().name("node-exporter").image(Image.of("example/node-exporter:1.0"))
            .addPort(Port.tcp("metrics", 9100)).build())
        .updateStrategy(UpdateStrategy.oneAtATime())
        .build();
    Workload api = Workload.builder().name("api").replicas(2)
        .addContainer(Container.builder().name("api").image(Image.of("example/api:1.0"))
            .addPort(Port.tcp("http", 8080))
            .addPort(Port.builder().name("public").number(8443).exposure(GatewayExposure.builder()
                .gateway("edge").host("api.example.org").path("/v1").timeoutSeconds(30)
                .controller(GatewayController.ENVOY_GATEWAY).apiKeysSecret("api-consumer-keys").rateLimitPerSecond(200).build()).build())
            .addPort(Port.builder().name("grpc").number(9090).exposure(GatewayExposure.builder()
                .gateway("edge").host("grpc.example.org").route(RouteKind.GRPC).build()).build())
            .addPort(Port.builder().name("peer").number(7051).exposure(GatewayExposure.builder()
                .gateway("shared").gatewayNamespace("gateway-system").listener("tls-passthrough")
                .host("peer.example.org").route(RouteKind.TLS_PASSTHROUGH).build()).build())
            .addPort(Port.builder().name("p2p").number(30303).exposure(GatewayExposure.builder()
                .gateway("edge").host("p2p.example.org").route(RouteKind.TCP).build()).build())
            .addPort(Port.builder().name("discovery").number(30303).protocol(Protocol.UDP).exposure(GatewayExposure.builder()
                .gateway("edge").host("p2p.example.org").route(RouteKind.UDP).gatewayPort(30304).build()).build())
            .build())
        .updateStrategy(UpdateStrategy.builder().maxUnavailable("0").maxSurge("25%").build())
        .addDependsOn(Dependency.ready("node"))
        .build();

    return Network.builder()
        .name("rich").namespace("chain-prod")
        .putLabel("team", "platform").putAnnotation("example.org/cost-centre", "42")
        .addWorkloads(nodes, migrate, pruner, exporter, api)
        .addSecret(Secret.builder().name("api").putData("key", SecretValue.of(SECRET_VALUES.get(0))).build())
        .addSecret(Secret.builder().name("rpc-tls")
            .putData("tls.crt", SecretValue.of(SECRET_VALUES.get(1)))
            .putData("tls.key", SecretValue.of(SECRET_VALUES.get(2))).build())
        .addSecret(Secret.provided("rpc-auth"))
        .addSecret(Secret.provided("api-consumer-keys"))
        .addSecret(Secret.provided("alerting"))
        .addGateway(NetworkGateway.builder().name("edge").gatewayClass("eg").tlsIssuer("letsencrypt").build())
        .addStorageClass(StorageClasses.awsGp3("fast"))
        .addStorageClass(StorageClass.existing("standard"))
        .addStorageClass(StorageClasses.localNvme("nvme", List.of(LocalVolume.builder()
            .name("nvme-a").node("node-a").path("/mnt/nvme0").size("3500Gi").build())))
        .isolation(IsolationPolicy.denyAllExcept(
            IsolationRule.allowInto("node", TrafficPeer.workload("api"), "rpc", "ws"),
            IsolationRule.allowOut("api", TrafficPeer.workload("node"), "rpc"),
            IsolationRule.allowInto("node", TrafficPeer.monitoring(), "metrics"),
            IsolationRule.allowInto("node", TrafficPeer.namespace("ops")),
            IsolationRule.allowOut("node", TrafficPeer.cidr("0.0.0.0/0"), "30303")))
        .secretSource(secretSource)
        .monitoring(MonitoringPolicy.builder().putLabel("release", "prometheus")
            .addAlert(AlertRule.builder().name("NodeLowPeers").expression("peers < 5").forDuration("10m")
                .severity(AlertSeverity.CRITICAL).summary("few peers").putLabel("chain", "ethereum").build())
            .routing(AlertRouting.builder().defaultReceiver("team").groupWait("10s").repeatInterval("3h")
                .addReceivers(AlertReceiver.slack("team", SecretKeyRef.of("alerting", "slack-url"), "#chain-alerts"),
                    AlertReceiver.pagerDuty("on-call", SecretKeyRef.of("alerting", "pagerduty-key")))
                .addRoutes(AlertRoute.builder().receiver("on-call").putMatcher("severity", "critical").continueMatching(true).build())
                .addInhibitions(AlertInhibition.builder().putSource("alertname", "NodeLowPeers").putTarget("severity", "warning")
                    .addEqual("network").build())
                .build())
            .build())
        .addBackup(BackupPolicy.builder().name("nightly").addWorkload("node").schedule(CronSchedule.of("@daily"))
            .retain(14).snapshotClass("csi-snapshots").snapshotDriver("ebs.csi.aws.com").build())
        .quota(TenantQuota.builder().cpu("64").memory("256Gi").storage("20Ti").persistentVolumeClaims(20).pods(50)
            .gpus(4).defaultCpuLimit("1").defaultMemoryLimit("1Gi").build())
        .addAutoscaler(Autoscaler.builder().workload("api").minReplicas(2).maxReplicas(10)
            .addMetric(ScalingMetric.cpuUtilization(70))
            .addMetric(ScalingMetric.podsAverage("http_requests_per_second", "100"))
            .addMetric(ScalingMetric.builder().source(ScalingMetricSource.EXTERNAL).name("queue_length")
                .targetAverageValue("30").putSelector("queue", "proofs").build())
            .build())
        .addVerticalScaling(VerticalScaling.builder().workload("api").mode(VerticalScalingMode.APPLY)
            .minCpu("100m").maxCpu("4").minMemory("128Mi").maxMemory("8Gi").build())
        .build();
  }
}
