package io.chainwright.examples;

import io.chainwright.api.Container;
import io.chainwright.api.CronSchedule;
import io.chainwright.api.Dependency;
import io.chainwright.api.DisruptionBudget;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Image;
import io.chainwright.api.MetricsEndpoint;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Protocol;
import io.chainwright.api.Resources;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.UpdateStrategy;
import io.chainwright.api.VaultAgent;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.exposure.IngressController;
import io.chainwright.api.exposure.IngressExposure;
import io.chainwright.api.exposure.LoadBalancerExposure;
import io.chainwright.api.policy.Autoscaler;
import io.chainwright.api.policy.IsolationPolicy;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.LocalVolume;
import io.chainwright.api.policy.ScalingMetric;
import io.chainwright.api.policy.SecretDelivery;
import io.chainwright.api.policy.SecretSource;
import io.chainwright.api.policy.StorageClasses;
import io.chainwright.api.policy.TenantQuota;
import io.chainwright.api.policy.TrafficPeer;
import io.chainwright.api.policy.VerticalScaling;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.scheduling.AntiAffinity;
import io.chainwright.api.scheduling.Scheduling;
import io.chainwright.api.scheduling.Toleration;
import io.chainwright.api.scheduling.Topology;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import java.util.List;

/**
 * A public RPC edge for a team's tenant namespace: archive nodes on local NVMe behind a
 * load-balanced WebSocket port and a TLS ingress with basic auth, an autoscaled proxy, a node
 * exporter on every machine, a job that seeds the proxy's routes before it starts, and a nightly
 * log pruner. Secrets come from an external store.
 */
public final class RpcEdgeExample {
  private RpcEdgeExample() {}

  public static Network network() {
    Workload archive = Workload.builder()
        .name("archive").kind(WorkloadKind.STATEFUL).replicas(2)
        .addContainer(Container.builder()
            .name("erigon").image(Image.of("erigontech/erigon:v3.0.4"))
            .addArgs("--datadir=/data", "--config=/config/erigon.toml")
            .addPort(Port.builder().name("p2p").number(30303).exposure(Exposure.nodePort(30303)).build())
            .addPort(Port.builder().name("p2p-udp").number(30303).protocol(Protocol.UDP).exposure(Exposure.nodePort(30303)).build())
            .addPort(Port.builder().name("rpc").number(8545).exposure(IngressExposure.builder()
                .host("archive.example.org").tlsSecret("archive-tls").basicAuthSecret("archive-users")
                .rateLimitPerSecond(25).maxBodySize("2m").timeoutSeconds(60).controller(IngressController.NGINX_COMPATIBLE).build()).build())
            .addPort(Port.builder().name("ws").number(8546).exposure(LoadBalancerExposure.builder()
                .putAnnotation("service.beta.kubernetes.io/aws-load-balancer-type", "nlb")
                .addSourceRange("198.51.100.0/24").build()).build())
            .addPort(Port.tcp("metrics", 6060))
            .addMount(VolumeMount.of("data", "/data"))
            .addMount(VolumeMount.readOnly("config", "/config"))
            .addMount(VolumeMount.readOnly("keys", "/keys"))
            .resources(Resources.of("8", "64Gi"))
            .readiness(Probe.tcp("rpc"))
            .build())
        .addVolume(DataVolume.builder().name("data").size("3Ti").storageClass("nvme").build())
        .addVolume(ConfigVolume.builder().name("config").putFile("erigon.toml", "prune.mode = \"archive\"\n").build())
        .addVolume(SecretVolume.of("keys", "node-keys"))
        .updateStrategy(UpdateStrategy.builder().partition(1).build())
        .disruptionBudget(DisruptionBudget.maxUnavailable("1"))
        .metrics(MetricsEndpoint.of("metrics", "/debug/metrics/prometheus"))
        .vaultAgent(VaultAgent.builder().role("archive").putSecret("alchemy.key", "secret/data/rpc/upstream").build())
        .scheduling(Scheduling.builder().antiAffinity(AntiAffinity.required(Topology.HOST)).build())
        .build();

    Workload routes = Workload.builder()
        .name("seed-routes").kind(WorkloadKind.JOB)
        .addContainer(Container.builder().name("seed").image(Image.of("example/rpc-proxy:2.1.0"))
            .addArgs("seed-routes", "--upstream=http://archive:8545")
            .resources(Resources.of("100m", "500m", "64Mi", "256Mi"))
            .build())
        .build();

    Workload proxy = Workload.builder()
        .name("rpc-proxy").replicas(2)
        .addDependsOn(Dependency.completed("seed-routes"))
        .addContainer(Container.builder()
            .name("proxy").image(Image.of("example/rpc-proxy:2.1.0"))
            .addEnv(EnvVar.fromSecret("API_TOKEN", "proxy-token", "token"))
            .addPort(Port.tcp("http", 8080))
            .resources(Resources.of("500m", "2", "256Mi", "512Mi"))
            .readiness(Probe.http("http", "/healthz"))
            .build())
        .scheduling(Scheduling.builder().runtimeClass("gvisor").build())
        .build();

    Workload exporter = Workload.builder()
        .name("node-exporter").kind(WorkloadKind.DAEMON)
        .addContainer(Container.builder().name("exporter").image(Image.of("prom/node-exporter:v1.9.1"))
            .addPort(Port.tcp("metrics", 9100))
            .resources(Resources.of("50m", "250m", "32Mi", "128Mi"))
            .readiness(Probe.http("metrics", "/metrics"))
            .build())
        .scheduling(Scheduling.builder().addToleration(Toleration.builder().key("dedicated").build()).build())
        .build();

    Workload pruner = Workload.builder()
        .name("log-pruner").kind(WorkloadKind.CRON_JOB)
        .cron(CronSchedule.of("30 2 * * *"))
        .addContainer(Container.builder().name("pruner").image(Image.of("example/log-pruner:1.0"))
            .addMount(VolumeMount.of("logs", "/logs"))
            .resources(Resources.setupStep())
            .build())
        .addVolume(DataVolume.of("logs", "50Gi"))
        .build();

    return Network.builder()
        .name("rpc-edge").namespace("team-rpc")
        .putLabel("team", "rpc")
        .addWorkloads(archive, routes, proxy, exporter, pruner)
        .addSecret(Secret.builder().name("node-keys").putData("nodekey", SecretValue.fromEnv("ARCHIVE_NODE_KEY")).build())
        .addSecret(Secret.builder().name("proxy-token").putData("token", SecretValue.fromEnv("RPC_PROXY_TOKEN")).build())
        .addSecret(Secret.provided("archive-tls"))
        .addSecret(Secret.provided("archive-users"))
        .secretSource(SecretSource.builder().kind(SecretDelivery.EXTERNAL_SECRETS).store("vault-backend")
            .clusterStore(true).refreshInterval("30m").build())
        .addStorageClass(StorageClasses.localNvme("nvme", List.of(
            LocalVolume.builder().name("nvme-worker-1").node("worker-1").path("/mnt/nvme0").size("3500Gi").build(),
            LocalVolume.builder().name("nvme-worker-2").node("worker-2").path("/mnt/nvme0").size("3500Gi").build())))
        .isolation(IsolationPolicy.denyAllExcept(
            IsolationRule.allowInto("archive", TrafficPeer.workload("rpc-proxy"), "rpc", "ws"),
            IsolationRule.allowOut("rpc-proxy", TrafficPeer.workload("archive"), "rpc", "ws"),
            IsolationRule.allowOut("archive", TrafficPeer.cidr("0.0.0.0/0"), "30303"),
            IsolationRule.allowInto("archive", TrafficPeer.monitoring(), "metrics")))
        .quota(TenantQuota.builder().cpu("48").memory("256Gi").storage("8Ti").pods(40)
            .defaultCpuLimit("1").defaultMemoryLimit("512Mi").build())
        .addAutoscaler(Autoscaler.builder().workload("rpc-proxy").minReplicas(2).maxReplicas(12)
            .addMetric(ScalingMetric.cpuUtilization(65)).build())
        .addVerticalScaling(VerticalScaling.builder().workload("node-exporter").maxCpu("500m").maxMemory("256Mi").build())
        .build();
  }
}
